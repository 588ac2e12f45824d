package jp.kawaraban.editorial.internal.importing;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the plain text of a saved page, where menus, the article and the footer are all just
 * lines, and the livedoor news corpus format (line 1 the address, line 2 the date, line 3 the
 * title, then the body). In a saved page the article is the run of lines with the most
 * sentences between two interface headings (「関連記事」「ランキング」…); the headline is the
 * last title-like line above it.
 */
final class TextPages {

    private static final Pattern ADDRESS = Pattern.compile("^(?:(?:URL|出典|元記事|引用元|Source|記事URL)\\s*[:：]?\\s*)?(https?://\\S+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST_ITEM = Pattern.compile("^(?:[・●○◎▼▽•]|[-*＊]\\s|\\d{1,2}[.)．）]\\s*|[(（]\\d{1,2}[)）]\\s*|[①-⑳]\\s*)(.+)$");
    private static final Pattern NUMBERED = Pattern.compile("^(?:\\d{1,2}[.)．）]|[(（]\\d{1,2}[)）]|[①-⑳]).*");
    private static final Pattern HEADING_MARK = Pattern.compile("^(?:[■◆◇□▲△]\\s*(.+)|【([^】＝=]{2,30})】)$");
    /** A line meant as an ISO date and time that did not come out as one: digits and its punctuation, little else. */
    private static final Pattern ATTEMPTED_DATE = Pattern.compile("^\\d{2,4}[-/.:T\\d+Z ]{4,30}.{0,3}$|^\\d{4}-\\d{1,2}.{0,20}$");
    private static final Pattern CRUMBS = Pattern.compile("[>＞»›]");
    /** The livedoor corpus's file names start with the outlet's category. */
    private static final Map<String, String> LIVEDOOR_OUTLETS = Map.of(
            "dokujo-tsushin", "独女通信", "it-life-hack", "ITライフハック", "kaden-channel", "家電チャンネル",
            "livedoor-homme", "livedoor HOMME", "movie-enter", "MOVIE ENTER", "peachy", "Peachy", "smax", "エスマックス",
            "sports-watch", "Sports Watch", "topic-news", "トピックニュース");

    private TextPages() {
    }

    static Extract read(String text, String fileName) {
        List<String> lines = text.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        Optional<Extract> livedoor = livedoor(lines, fileName);
        return livedoor.orElseGet(() -> savedPage(lines));
    }

    private static Optional<Extract> livedoor(List<String> lines, String fileName) {
        if (lines.size() < 4 || !lines.get(0).strip().matches("https?://\\S+")) {
            return Optional.empty();
        }
        String dateLine = lines.get(1).strip();
        Optional<OffsetDateTime> date = iso(dateLine);
        String name = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "");
        boolean corpusName = LIVEDOOR_OUTLETS.keySet().stream().anyMatch(category -> name.startsWith(category + "-"));
        // A date line that does not parse still makes the layout the corpus's: the third line is
        // the title, never the date read as a headline.
        if (date.isEmpty() && !(corpusName || ATTEMPTED_DATE.matcher(dateLine).matches()) || lines.get(2).isBlank()) {
            return Optional.empty();
        }
        Extract page = new Extract();
        page.url = lines.get(0).strip();
        page.publishedAt = date.orElse(null);
        if (date.isEmpty()) {
            page.unreadableDateLine = dateLine.length() > 40 ? dateLine.substring(0, 40) + "…" : dateLine;
        }
        page.headline = lines.get(2).strip();
        LIVEDOOR_OUTLETS.forEach((category, outlet) -> {
            if (name.startsWith(category + "-")) {
                page.outlet = outlet;
                page.sectionHints.add(category);
            }
        });
        body(lines.subList(3, lines.size()), page);
        return Optional.of(page);
    }

    private static Optional<OffsetDateTime> iso(String line) {
        if (!line.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:?\\d{2})?")) {
            return Optional.empty();
        }
        return PageDates.parse(line);
    }

    private static Extract savedPage(List<String> raw) {
        Extract page = new Extract();
        List<String> lines = new ArrayList<>();
        for (String line : raw) {
            String text = Paragraphs.collapse(line);
            Matcher address = ADDRESS.matcher(text);
            if (address.matches()) {
                page.url = page.url == null ? address.group(1) : page.url;
                lines.add("");
                continue;
            }
            if (page.outlet == null && text.length() <= 80) {
                String holder = HtmlPages.copyrightHolder(text);
                if (holder != null && (text.contains("©") || text.matches("(?i).*(copyright|\\(c\\)).*"))) {
                    page.outlet = holder;
                }
            }
            lines.add(text);
        }

        // The run of lines between two interface headings that holds the most sentences is the article.
        int bestStart = -1;
        int bestEnd = -1;
        int bestScore = 0;
        int segmentStart = 0;
        for (int i = 0; i <= lines.size(); i++) {
            if (i == lines.size() || Clutter.endsArticle(lines.get(i)) || Clutter.paywall(lines.get(i))) {
                int score = 0;
                int firstSentence = -1;
                for (int j = segmentStart; j < i; j++) {
                    if (sentence(lines.get(j)) && !Clutter.interfaceText(lines.get(j))) {
                        score += lines.get(j).length();
                        firstSentence = firstSentence < 0 ? j : firstSentence;
                    }
                }
                if (score > bestScore) {
                    bestScore = score;
                    bestStart = firstSentence;
                    bestEnd = i;
                }
                if (i < lines.size() && Clutter.paywall(lines.get(i)) && bestEnd == i) {
                    page.paywalled = true;
                }
                segmentStart = i + 1;
            }
        }
        if (bestStart < 0) {
            return page; // No sentences anywhere: the caller reports that there is no article.
        }
        header(lines, bestStart, page);
        // The body starts right after the header lines, so a dateline or byline line just above the first sentence is kept.
        body(lines.subList(bestStart, bestEnd), page);
        return page;
    }

    /** Above the first sentence: dates, bylines, the subheadline, the headline, then the section label or crumbs. */
    private static void header(List<String> lines, int bodyStart, Extract page) {
        List<String> titles = new ArrayList<>();
        String shortLine = null;
        for (int i = bodyStart - 1; i >= 0 && bodyStart - i <= 12; i--) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            List<PageDates.Found> dates = PageDates.find(line);
            if (!dates.isEmpty() && residue(line).length() <= 12) {
                page.takeDates(dates);
                continue;
            }
            Optional<List<String>> byline = Bylines.line(line);
            if (byline.isPresent()) {
                page.bylines.addAll(0, byline.get());
                continue;
            }
            if (CRUMBS.matcher(line).find() && line.length() <= 60) {
                for (String crumb : CRUMBS.split(line)) {
                    page.sectionHints.add(crumb.strip());
                }
                break;
            }
            if (Clutter.interfaceText(line) || menu(line)) {
                if (!titles.isEmpty()) {
                    break;
                }
                continue;
            }
            if (line.length() <= 8 && !line.endsWith("。")) {
                shortLine = shortLine == null ? line : shortLine;
                page.sectionHints.add(line); // 「政治」 above a headline is the section's label
                if (!titles.isEmpty()) {
                    break;
                }
                continue;
            }
            if (line.length() > 120 || sentence(line)) {
                break;
            }
            titles.add(line);
            if (titles.size() == 2) {
                // The line above a headline and its subheadline may still be the section's label.
                for (int j = i - 1; j >= 0; j--) {
                    if (!lines.get(j).isEmpty()) {
                        if (lines.get(j).length() <= 8) {
                            page.sectionHints.add(lines.get(j));
                        }
                        break;
                    }
                }
                break;
            }
        }
        if (titles.size() == 2) {
            page.headline = titles.get(1);
            page.subheadline = titles.get(0);
        } else if (titles.size() == 1) {
            page.headline = titles.getFirst();
        } else if (shortLine != null) {
            page.headline = shortLine; // a short headline rather than a section's label
            page.sectionHints.remove(shortLine);
        }
    }

    /** A navigation line: several short words side by side (「ホーム　政治　経済　国際」). */
    private static boolean menu(String line) {
        String[] words = line.split("[ 　|｜/／・]+");
        if (words.length < 4) {
            return false;
        }
        for (String word : words) {
            if (word.length() > 8) {
                return false;
            }
        }
        return true;
    }

    /** A line of running text rather than a title or a label. */
    private static boolean sentence(String line) {
        return line.length() >= 25 && (line.contains("。") || line.endsWith("」"));
    }

    /** A line without its dates and date labels: what else it says. */
    static String residue(String line) {
        return PageDates.normalise(line)
                .replaceAll("\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}(?:T[\\d:.+Z-]+)?|\\d{1,2}\\s*[時:]\\s*\\d{0,2}\\s*分?", "")
                .replaceAll("[(（][月火水木金土日][)）]|午前|午後|最終|公開|更新|配信|掲載|投稿|日時|日付|[:：\\s|｜/()（）]", "");
    }

    /** Lines of the body: list items gathered, marked headings recognised, wrapped lines joined. */
    private static void body(List<String> lines, Extract page) {
        List<String> items = new ArrayList<>();
        boolean numbered = true;
        StringBuilder paragraph = new StringBuilder();
        for (String raw : lines) {
            String line = Paragraphs.collapse(raw);
            Matcher item = LIST_ITEM.matcher(line);
            if (item.matches() && line.length() <= 120) {
                flush(paragraph, page);
                numbered &= NUMBERED.matcher(line).matches();
                items.add(item.group(1).strip());
                continue;
            }
            if (!items.isEmpty() && line.isEmpty()) {
                continue; // a browser's copy puts blank lines between the items of one list
            }
            if (!items.isEmpty()) {
                page.pieces.add(numbered ? Extract.Piece.numberedList(items) : Extract.Piece.list(items));
                items = new ArrayList<>();
                numbered = true;
            }
            if (line.isEmpty()) {
                flush(paragraph, page);
                continue;
            }
            Matcher heading = HEADING_MARK.matcher(line);
            if (heading.matches() && !line.contains("＝") && line.length() <= 40) {
                flush(paragraph, page);
                page.pieces.add(Extract.Piece.heading(heading.group(1) != null ? heading.group(1).strip() : heading.group(2).strip()));
                continue;
            }
            paragraph.append(line);
            // A line that ends a sentence (or is short, like a heading without a mark) ends its paragraph;
            // a long line that stops mid-sentence was wrapped by whoever saved the page.
            if (line.length() < 30 || "。」』）)！？!?".indexOf(line.charAt(line.length() - 1)) >= 0) {
                flush(paragraph, page);
            }
        }
        flush(paragraph, page);
        if (!items.isEmpty()) {
            page.pieces.add(numbered ? Extract.Piece.numberedList(items) : Extract.Piece.list(items));
        }
    }

    private static void flush(StringBuilder paragraph, Extract page) {
        if (paragraph.isEmpty()) {
            return;
        }
        String text = paragraph.toString().strip();
        paragraph.setLength(0);
        // A short line on its own is a subheading, also one that asks (「なぜ図書館にするのか？」) and says nothing more.
        boolean asks = text.length() <= 20 && (text.endsWith("？") || text.endsWith("?")) && !text.matches(".*[。！？!?「」].+");
        boolean headingLike = text.length() <= 30 && ("。、」』）)！？!?".indexOf(text.charAt(text.length() - 1)) < 0 || asks)
                && !text.startsWith("【") && !text.startsWith("（") && !text.startsWith("(");
        page.pieces.add(headingLike ? Extract.Piece.heading(text) : Extract.Piece.paragraph(text));
    }
}

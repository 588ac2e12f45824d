package jp.kawaraban.editorial.internal.importing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.Block;
import jp.kawaraban.article.Section;
import jp.kawaraban.editorial.GivenSource;
import jp.kawaraban.editorial.ImportException;
import jp.kawaraban.editorial.ImportException.Problem;
import jp.kawaraban.editorial.ImportWarning;
import jp.kawaraban.editorial.ImportWarning.Kind;
import jp.kawaraban.editorial.ImportedPage;

/**
 * Reads one partner page (HTML, a saved page's text, or a livedoor corpus file) into an
 * {@link ImportedPage}, or throws {@link ImportException} saying why it cannot. Plain Java:
 * it knows our sections and its limits, nothing of Spring or the database.
 */
public final class PageReader {

    /** Below this many characters of body text, a page holds no article (a menu, an error page). */
    static final int MIN_BODY_CHARACTERS = 40;
    private static final Pattern HTML_START = Pattern.compile(
            "(?is)^\\s*(?:<\\?xml[^>]*>\\s*)?(?:<!--.*?-->\\s*)*<(?:!doctype|html|head|body|article|main|div|section|p|h1|meta|title)[\\s>]");

    private final List<Section> sections;
    private final String defaultSection;
    private final long maxBytes;

    /**
     * @param defaultSection the section of pages that name none, if it is one of {@code sections};
     *                       else 社会 ({@code society}) if there is one, else the first section
     */
    public PageReader(List<Section> sections, String defaultSection, long maxBytes) {
        if (sections.isEmpty()) {
            throw new IllegalStateException("Importing needs at least one section to put articles in");
        }
        this.sections = List.copyOf(sections);
        this.defaultSection = defaultSection;
        this.maxBytes = maxBytes;
    }

    public ImportedPage read(String fileName, byte[] bytes) {
        return read(fileName, bytes, GivenSource.NONE);
    }

    /**
     * Reads a page whose outlet may be named by whoever imports it: the name and address given
     * win over the page's. A page that names no outlet, has no address and was given no name is
     * still read, as the work of an unknown outlet ({@link ImportedPage#UNKNOWN_OUTLET}): it can
     * be a draft, and cannot be published until an editor names the outlet.
     */
    public ImportedPage read(String fileName, byte[] bytes, GivenSource given) {
        PageBytes.Decoded decoded = PageBytes.decode(bytes, maxBytes);
        List<ImportWarning> warnings = new ArrayList<>();
        if (decoded.guessed()) {
            warnings.add(new ImportWarning(Kind.ENCODING_GUESSED, charsetName(decoded)));
        }
        if (decoded.cut()) {
            warnings.add(new ImportWarning(Kind.CUT_OFF_AT_END));
        }
        Extract page = isHtml(decoded.text(), fileName) ? HtmlPages.read(decoded.text()) : TextPages.read(decoded.text(), fileName);
        List<Block> blocks = assemble(page);

        String headline = page.headline == null ? null : Paragraphs.collapse(page.headline);
        if (headline == null || headline.isEmpty()) {
            throw new ImportException(blocks.isEmpty() ? Problem.NO_ARTICLE : Problem.NO_HEADLINE);
        }
        int characters = blocks.stream().mapToInt(b -> b.plainText().length()).sum();
        if (characters < MIN_BODY_CHARACTERS || blocks.stream().noneMatch(Block.Paragraph.class::isInstance)) {
            throw new ImportException(Problem.NO_ARTICLE);
        }
        if (page.unreadableDateLine != null) {
            warnings.add(new ImportWarning(Kind.DATE_LINE_UNREADABLE, page.unreadableDateLine));
        }
        if (page.foundByDensity) {
            warnings.add(new ImportWarning(Kind.BODY_FOUND_BY_DENSITY));
        }

        String lead = lead(page, blocks);
        URI url = given.url() != null ? address(given.url().toString()) : address(page.url);
        String outlet = given.name() != null ? Paragraphs.collapse(given.name())
                : page.outlet == null ? null : Paragraphs.collapse(page.outlet);
        if (outlet == null || outlet.isEmpty()) {
            if (url == null) {
                outlet = ImportedPage.UNKNOWN_OUTLET;
                warnings.add(new ImportWarning(Kind.OUTLET_UNKNOWN));
            } else {
                outlet = url.getHost();
                warnings.add(new ImportWarning(Kind.OUTLET_FROM_ADDRESS, outlet));
            }
        }
        if (url == null) {
            warnings.add(new ImportWarning(Kind.NO_ORIGINAL_URL));
        }
        List<String> bylines = Bylines.clean(page.bylines);
        if (bylines.isEmpty() && page.fallbackByline != null) {
            bylines = Bylines.clean(List.of(page.fallbackByline));
        }
        String credited = outlet;
        bylines = new ArrayList<>(bylines.stream().filter(b -> !b.equals(credited)).toList());
        if (bylines.isEmpty()) {
            bylines.add(outlet);
            warnings.add(new ImportWarning(Kind.BYLINE_FROM_OUTLET, outlet));
        }
        if (page.publishedAt == null) {
            warnings.add(new ImportWarning(Kind.NO_PUBLISHED_DATE));
        }
        var updatedAt = page.updatedAt != null && page.publishedAt != null && !page.updatedAt.isAfter(page.publishedAt)
                ? null : page.updatedAt;

        String sectionCode = section(page, headline + "\n" + lead, blocks, warnings);
        AccessLevel access = AccessLevel.FREE;
        if (page.paywalled) {
            access = AccessLevel.PAID;
            warnings.add(new ImportWarning(Kind.PAYWALLED_ORIGINAL));
        }
        if (page.imagesLeftOut > 0) {
            warnings.add(new ImportWarning(Kind.IMAGES_LEFT_OUT, Integer.toString(page.imagesLeftOut)));
        }
        String subheadline = page.subheadline == null || page.subheadline.strip().equals(headline) ? null
                : Paragraphs.collapse(page.subheadline);
        return new ImportedPage(fileName, headline, subheadline, lead, bylines, page.publishedAt, updatedAt, sectionCode,
                blocks, outlet, url, access, sourceKey(url, headline, blocks), warnings);
    }

    static boolean isHtml(String text, String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
            return true;
        }
        String head = text.length() > 4096 ? text.substring(0, 4096) : text;
        return HTML_START.matcher(head.replace("\uFEFF", "")).find();
    }

    private static String charsetName(PageBytes.Decoded decoded) {
        return decoded.charset().name().equalsIgnoreCase("windows-31j") ? "Shift_JIS" : decoded.charset().name();
    }

    /**
     * Sorts the pieces: what is interface goes, dates and bylines written as lines are taken
     * as such, the dateline opening the first paragraph and the name closing the last become
     * bylines, and the article ends at a related-stories heading or a paywall prompt.
     */
    static List<Block> assemble(Extract page) {
        List<Block> blocks = new ArrayList<>();
        for (Extract.Piece piece : page.pieces) {
            String text = piece.text().strip();
            if (piece.kind() == Extract.Kind.LIST || piece.kind() == Extract.Kind.NUMBERED_LIST) {
                List<String> items = piece.items().stream().map(String::strip)
                        .filter(item -> !item.isEmpty() && !Clutter.interfaceText(item)).toList();
                if (!items.isEmpty()) {
                    blocks.add(piece.kind() == Extract.Kind.NUMBERED_LIST ? new Block.OrderedList(items) : new Block.UnorderedList(items));
                }
                continue;
            }
            if (Clutter.endsArticle(text)) {
                break;
            }
            if (Clutter.paywall(text)) {
                page.paywalled = true;
                break;
            }
            if (Clutter.interfaceText(text) || text.equals(page.headline) || text.equals(page.subheadline)) {
                continue;
            }
            List<PageDates.Found> dates = PageDates.find(text);
            if (!dates.isEmpty() && TextPages.residue(text).length() <= 12) {
                page.takeDates(dates);
                continue;
            }
            Optional<List<String>> byline = Bylines.line(text);
            if (byline.isPresent()) {
                page.bylines.addAll(byline.get());
                continue;
            }
            if (piece.kind() == Extract.Kind.HEADING) {
                blocks.add(new Block.Heading(text));
                continue;
            }
            if (blocks.stream().noneMatch(Block.Paragraph.class::isInstance)) {
                Optional<Bylines.Dateline> dateline = Bylines.dateline(text);
                if (dateline.isPresent()) {
                    page.bylines.addAll(dateline.get().names());
                    text = dateline.get().rest();
                    if (text.isEmpty()) {
                        continue;
                    }
                }
            }
            blocks.add(new Block.Paragraph(text));
        }
        // A name alone on the article's last line is its byline (「高橋 結衣」), not a heading.
        if (!blocks.isEmpty() && (blocks.getLast() instanceof Block.Heading || blocks.getLast() instanceof Block.Paragraph)
                && Bylines.bareName(blocks.getLast().plainText())) {
            page.bylines.add(blocks.removeLast().plainText().strip().replaceAll("[ 　]+", " "));
        }
        while (!blocks.isEmpty() && blocks.getLast() instanceof Block.Heading) {
            blocks.removeLast(); // a heading with nothing under it was the title of something left out
        }
        if (!blocks.isEmpty() && blocks.getLast() instanceof Block.Paragraph last) {
            Optional<Bylines.Dateline> closing = Bylines.closing(last.text());
            if (closing.isPresent()) {
                page.bylines.addAll(closing.get().names());
                blocks.removeLast();
                if (!closing.get().rest().isEmpty()) {
                    blocks.add(new Block.Paragraph(closing.get().rest()));
                }
            }
        }
        return blocks;
    }

    /**
     * The page's own lead; else the first paragraph, taken out of the body so readers do not
     * read it twice (unless it is the whole body); else the page's description.
     */
    private static String lead(Extract page, List<Block> blocks) {
        if (page.lead != null && !page.lead.isBlank()) {
            String lead = Paragraphs.collapse(page.lead);
            blocks.removeIf(b -> b instanceof Block.Paragraph p && p.text().equals(lead));
            return lead;
        }
        if (blocks.getFirst() instanceof Block.Paragraph first) {
            if (blocks.size() > 1 && blocks.stream().filter(Block.Paragraph.class::isInstance).count() > 1) {
                blocks.removeFirst();
            }
            return first.text();
        }
        if (page.description != null && !page.description.isBlank()) {
            return Paragraphs.collapse(page.description);
        }
        return blocks.stream().filter(Block.Paragraph.class::isInstance).findFirst().orElseThrow().plainText();
    }

    private String section(Extract page, String headline, List<Block> blocks, List<ImportWarning> warnings) {
        SectionGuess guess = new SectionGuess(sections);
        Optional<SectionGuess.Guess> found = guess.fromHints(page.sectionHints);
        if (found.isEmpty()) {
            StringBuilder words = new StringBuilder(headline);
            blocks.forEach(b -> words.append('\n').append(b.plainText()));
            found = guess.fromWords(words.toString());
            found.ifPresent(g -> warnings.add(new ImportWarning(Kind.SECTION_FROM_WORDS, g.section().name())));
        }
        if (found.isPresent()) {
            return found.get().section().code();
        }
        Section fallback = sections.stream().filter(s -> s.code().equals(defaultSection)).findFirst()
                .or(() -> sections.stream().filter(s -> s.code().equals("society")).findFirst())
                .orElse(sections.getFirst());
        warnings.add(new ImportWarning(Kind.SECTION_DEFAULTED, fallback.name()));
        return fallback.code();
    }

    /** An http(s) address without its fragment, or {@code null} for anything else. */
    private static URI address(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                return null;
            }
            // Tracking parameters differ between two copies of the same page; they are no part of its address.
            String query = uri.getQuery() == null ? null : java.util.Arrays.stream(uri.getQuery().split("&"))
                    .filter(p -> !p.matches("(?i)(utm_[a-z]+|fbclid|gclid|yclid|ref|from)(=.*)?")).reduce((a, b) -> a + "&" + b)
                    .orElse(null);
            return new URI(uri.getScheme().toLowerCase(Locale.ROOT), uri.getAuthority(), uri.getPath(), query, null);
        } catch (java.net.URISyntaxException notAnAddress) {
            return null;
        }
    }

    /**
     * The original address identifies a page; without one, its headline and text do. Not
     * {@code ArticleContent.plainText()}: the hash is stored with every import before, so this
     * text must stay exactly as it is.
     */
    private static String sourceKey(URI url, String headline, List<Block> blocks) {
        if (url != null) {
            return "import:" + url;
        }
        StringBuilder text = new StringBuilder(headline);
        blocks.forEach(b -> text.append('\n').append(b.plainText()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return "import:sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

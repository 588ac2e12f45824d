package jp.kawaraban.editorial.internal.importing;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jp.kawaraban.article.Section;

/**
 * Which of our sections a partner's article belongs in. Partners name their sections in their
 * own words (「ビジネス」, {@code /national/}, {@code article:section = Economy}); each of our
 * kinds of section has the words that point to it, and a hint points to the first of our
 * sections whose code or name is among that kind's words. When nothing on the page names a
 * section, the story's own words vote.
 */
final class SectionGuess {

    /** The outcome, and how sure it is: from a hint on the page, from the story's words, or none. */
    record Guess(Section section, Source source) {
    }

    enum Source { PAGE, WORDS }

    /** Kinds of section: words naming them (hints), then words typical of their stories. */
    private record Kind(List<String> names, List<String> storyWords) {
    }

    private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("politics", new Kind(List.of("politics", "political", "政治", "政局", "選挙", "国政"),
                List.of("首相", "国会", "与党", "野党", "衆院", "参院", "内閣", "政権", "自民", "閣議", "選挙", "議員", "官房長官")));
        KINDS.put("business", new Kind(List.of("business", "economy", "economics", "economic", "money", "finance", "market",
                "markets", "経済", "ビジネス", "マネー", "金融", "市場", "産業", "企業"),
                List.of("円安", "円高", "株価", "日銀", "決算", "物価", "賃上げ", "利上げ", "売上高", "営業利益", "金利", "景気", "経営")));
        KINDS.put("world", new Kind(List.of("world", "international", "global", "overseas", "国際", "海外", "世界", "外交"),
                List.of("大統領", "外相", "国連", "首脳会談", "停戦", "米国", "ロシア", "ウクライナ", "中国", "欧州", "政府高官")));
        KINDS.put("society", new Kind(List.of("society", "national", "local", "region", "regional", "life", "社会", "事件",
                "暮らし", "地域", "生活", "くらし", "国内", "教育", "環境"),
                List.of("警察", "容疑者", "逮捕", "事故", "地裁", "高裁", "判決", "自治体", "住民", "市役所", "災害", "火災")));
        KINDS.put("sports", new Kind(List.of("sports", "sport", "スポーツ", "野球", "サッカー", "相撲", "五輪", "sports-watch"),
                List.of("試合", "選手", "優勝", "監督", "リーグ", "得点", "本塁打", "代表戦", "決勝", "大会")));
        KINDS.put("technology", new Kind(List.of("technology", "tech", "it", "science", "digital", "テクノロジー", "IT",
                "科学", "デジタル", "テック", "it-life-hack", "kaden-channel", "smax"),
                List.of("生成AI", "AI", "人工知能", "半導体", "スマートフォン", "スマホ", "アプリ", "ソフトウェア", "データセンター",
                        "サイバー")));
        KINDS.put("culture", new Kind(List.of("culture", "entertainment", "arts", "文化", "エンタメ", "芸能", "映画", "音楽",
                "くらし・文化", "movie-enter"),
                List.of("映画", "小説", "展覧会", "美術館", "公演", "作家", "監督作")));
    }

    private final List<Section> sections;

    SectionGuess(List<Section> sections) {
        this.sections = List.copyOf(sections);
    }

    /**
     * The first hint that names one of our sections wins; hints come in the order the caller
     * trusts them (structured data, breadcrumbs, then the address).
     */
    Optional<Guess> fromHints(List<String> hints) {
        for (String hint : hints) {
            if (hint == null || hint.isBlank()) {
                continue;
            }
            Optional<Section> section = named(hint.strip());
            if (section.isPresent()) {
                return Optional.of(new Guess(section.get(), Source.PAGE));
            }
        }
        return Optional.empty();
    }

    /** The section whose story words occur most often in the text, if any occur at all. */
    Optional<Guess> fromWords(String text) {
        String best = null;
        int bestCount = 0;
        for (var kind : KINDS.entrySet()) {
            int count = 0;
            for (String word : kind.getValue().storyWords()) {
                count += occurrences(text, word);
            }
            if (count > bestCount && ours(kind.getKey()).isPresent()) {
                best = kind.getKey();
                bestCount = count;
            }
        }
        return bestCount < 2 ? Optional.empty() : ours(best).map(section -> new Guess(section, Source.WORDS));
    }

    private Optional<Section> named(String hint) {
        String wanted = fold(hint);
        for (Section section : sections) {
            if (fold(section.code()).equals(wanted) || fold(section.name()).equals(wanted)) {
                return Optional.of(section);
            }
        }
        for (var kind : KINDS.entrySet()) {
            if (kind.getValue().names().stream().anyMatch(name -> fold(name).equals(wanted))) {
                return ours(kind.getKey());
            }
        }
        return Optional.empty();
    }

    /** Our section for a kind: the one with that code, or whose name is one of the kind's names. */
    private Optional<Section> ours(String kind) {
        Kind words = KINDS.get(kind);
        return sections.stream().filter(section -> section.code().equals(kind)
                        || words.names().stream().anyMatch(name -> fold(name).equals(fold(section.name()))))
                .findFirst();
    }

    private static int occurrences(String text, String word) {
        int count = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
            count++;
        }
        return count;
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }
}

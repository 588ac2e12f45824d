package jp.kawaraban.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.kawaraban.text.KuromojiTokens.Token;

/**
 * Proposes keywords for an article: the compound nouns it is about, ranked.
 *
 * <h2>Terms</h2>
 * Kuromoji (NORMAL mode, IPADIC) segments the headline and the body; adjacent nouns are
 * joined into one term (停戦 + 交渉 → 停戦交渉, 米 + ロ + 関係 → 米ロ関係). These nouns do not
 * take part and break a compound: numbers, pronouns, non-independent nouns (こと, ため),
 * adverbial nouns (今回, 現在, 昨年), counters and person suffixes (日, 人, 氏, さん), and
 * suffixes that make adjectives or adverbs (的, 中); so do symbols, brackets included. A
 * suffix cannot start a term, so 会 alone or 氏 alone is never one. A name is split from
 * the title after it (ラブロフ露外相 → ラブロフ + 露外相), and a title alone or after one
 * country abbreviation (外相, 露外相) is dropped: the person is the keyword, not the post.
 * Dropped too: terms of one character (single kana or kanji), adjectival nouns standing
 * alone (必要, 重要) and the generic words of {@code GENERIC} (一方, 関係者, 見通し …).
 * Widths are normalised (ＮＡＴＯ → NATO).
 *
 * <h2>Weight</h2>
 * {@code (1 + ln f) × (1 + 0.25 × min(n − 1, 4)) × h × l}, where {@code f} counts the term
 * in headline and body, {@code n} is the number of words it is made of (compounds say more
 * than single words), {@code h} is 2 when the headline contains it and {@code l} is 1.5
 * when the lead — the first paragraph of the body, up to the first blank line — does.
 * A caller whose lead is a field of its own should pass it as the first paragraph of
 * {@code body}. Ties are broken by first appearance (headline before body), then by the
 * term, so the order is deterministic.
 *
 * <h2>Limits</h2>
 * A compound and its parts are separate terms (停戦交渉 does not count for 停戦). Terms
 * follow IPADIC's segmentation: words it does not know may be cut oddly or joined with
 * their neighbours, and a prefix is not part of a term (新年度予算案 gives 年度予算案,
 * みさき銀行 may lose its み). No synonyms or spelling variants are merged.
 */
public final class Keywords {

    /** Words too general to be an article's keyword. */
    static final Set<String> GENERIC = Set.of(
            "一方", "関係者", "今回", "今後", "現在", "同日", "前日", "当日", "翌日", "以上", "以下",
            "場合", "必要", "可能", "可能性", "状況", "結果", "理由", "意向", "姿勢", "記者", "発表",
            "説明", "対応", "双方", "両国", "各国", "同国", "一部", "全体", "立場", "見方", "考え",
            "見通し", "方針", "部分", "問題", "時期", "期間", "最初", "最後", "自身", "内容", "予定",
            "方向", "程度", "多く", "声", "話", "点", "形", "動き", "影響", "背景", "焦点", "課題",
            "懸念", "評価", "指摘", "強調", "主張", "表明", "発言", "言及", "報道", "会見", "関係",
            "一般", "前回", "次回", "初め", "冒頭", "様子", "目的", "事態", "意味", "方法", "実現",
            "検討", "確認", "必要性", "重要性", "ほか", "他", "同氏", "同社", "同市", "同省", "同党",
            "当たり", "あたり", "自分", "自分たち");

    private static final Set<String> EXCLUDED_POS = Set.of(
            "名詞-数", "名詞-代名詞", "名詞-非自立", "名詞-副詞可能", "名詞-特殊", "名詞-接続詞的",
            "名詞-動詞非自立的", "名詞-引用文字列", "名詞-ナイ形容詞語幹", "名詞-接尾-助数詞",
            "名詞-接尾-人名", "名詞-接尾-形容動詞語幹", "名詞-接尾-副詞可能", "名詞-接尾-助動詞語幹",
            "名詞-接尾-特殊");

    private static final int MAX_WORDS_BONUS = 4;

    private Keywords() {
    }

    /**
     * The {@code limit} best keywords of an article, best first.
     *
     * @param headline the headline; {@code null} is treated as empty
     * @param body     the body, lead first; {@code null} is treated as empty
     * @param limit    how many to return at most; 0 or less gives an empty list
     */
    public static List<Keyword> extract(String headline, String body, int limit) {
        return extract(headline, body, limit, DocumentFrequencies.none());
    }

    /**
     * As {@link #extract(String, String, int)}, each weight multiplied by the term's inverse
     * document frequency in {@code collection}: terms that most articles carry (an outlet's
     * name) sink below those of this one.
     */
    public static List<Keyword> extract(String headline, String body, int limit, DocumentFrequencies collection) {
        String head = headline == null ? "" : headline;
        String text = body == null ? "" : body;
        if (limit <= 0 || head.isBlank() && text.isBlank()) {
            return List.of();
        }
        if (collection.documents() > 0) {
            return weighedByCollection(head, text, limit, collection);
        }
        String lead = lead(text);
        Map<String, Stats> terms = new LinkedHashMap<>();
        int order = 0;
        for (String part : new String[] {head, text}) {
            for (Compound compound : compounds(part)) {
                Stats stats = terms.get(compound.term());
                if (stats == null) {
                    stats = new Stats(order++, compound.words());
                    terms.put(compound.term(), stats);
                }
                stats.count++;
            }
        }
        String normalisedHead = normaliseWidth(head);
        String normalisedLead = normaliseWidth(lead);
        List<Map.Entry<String, Double>> weighted = new ArrayList<>();
        Map<String, Integer> firstSeen = new LinkedHashMap<>();
        for (Map.Entry<String, Stats> entry : terms.entrySet()) {
            String term = entry.getKey();
            Stats stats = entry.getValue();
            double weight = (1 + Math.log(stats.count))
                    * (1 + 0.25 * Math.min(stats.words - 1, MAX_WORDS_BONUS))
                    * (normalisedHead.contains(normaliseWidth(term)) ? 2.0 : 1.0)
                    * (normalisedLead.contains(normaliseWidth(term)) ? 1.5 : 1.0)
                    * collection.inverse(term);
            weighted.add(Map.entry(term, weight));
            firstSeen.put(term, stats.order);
        }
        weighted.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -e.getValue())
                .thenComparingInt(e -> firstSeen.get(e.getKey()))
                .thenComparing(Map.Entry::getKey));
        return weighted.stream().limit(limit).map(e -> new Keyword(e.getKey(), e.getValue())).toList();
    }

    /**
     * With a collection to compare with, rarity says more than length: the terms are the
     * compounds and, besides them, the single nouns that pass the same filters (a single
     * noun may be what the article is about, 女 or 夏, where its compounds vary), each weighed
     * {@code tf × ln((N + 1) / (df + 1))}, with the headline and lead factors of the plain
     * weight. A compound wins a tie with its parts (東都電力 before 東都 and 電力). Chosen on
     * one half of the livedoor articles and measured on the other (docs/benchmarks.md):
     * weighing compounds up or down did not help.
     */
    private static List<Keyword> weighedByCollection(String head, String text, int limit, DocumentFrequencies collection) {
        String lead = lead(text);
        Map<String, double[]> terms = new LinkedHashMap<>(); // term -> {count, words}
        for (String part : new String[] {head, text}) {
            for (Compound candidate : candidates(part)) {
                terms.computeIfAbsent(candidate.term(), t -> new double[] {0, candidate.words()})[0]++;
            }
        }
        String normalisedHead = normaliseWidth(head);
        String normalisedLead = normaliseWidth(lead);
        List<Keyword> weighed = new ArrayList<>();
        int documents = collection.documents();
        terms.forEach((term, stats) -> weighed.add(new Keyword(term, stats[0]
                * Math.log((documents + 1.0) / (collection.frequency(term) + 1.0))
                * (normalisedHead.contains(normaliseWidth(term)) ? 2.0 : 1.0)
                * (normalisedLead.contains(normaliseWidth(term)) ? 1.5 : 1.0))));
        weighed.sort(Comparator.comparingDouble((Keyword k) -> -k.weight())); // stable: first seen first
        return weighed.stream().limit(limit).toList();
    }

    /** The terms weighed against a collection: compounds of several nouns, then single nouns that pass the filters. */
    static List<Compound> candidates(String text) {
        List<Compound> out = new ArrayList<>();
        for (Compound compound : compounds(text)) {
            if (compound.words() > 1) {
                out.add(compound);
            }
        }
        for (Token token : KuromojiTokens.tokenize(text)) {
            String term = normaliseWidth(token.term());
            if (joinable(token) && !token.pos().startsWith("名詞-数") && !GENERIC.contains(term)
                    && term.codePoints().anyMatch(Character::isLetter)) {
                out.add(new Compound(term, 1, token.start(), token.end()));
            }
        }
        return out;
    }

    /**
     * Plain TF-IDF over nouns, the usual baseline for keywords: every Kuromoji word tagged as a
     * noun (numbers and symbols aside) is a term, weighed by {@code tf × ln(N / df)} in
     * {@code collection}, with none of the joining, filters or position weights of
     * {@link #extract}. It is here to be measured against (bench/keywords.sh), not used.
     */
    public static List<Keyword> nounTfIdf(String text, int limit, DocumentFrequencies collection) {
        if (text == null || text.isBlank() || limit <= 0) {
            return List.of();
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String noun : nouns(text)) {
            counts.merge(noun, 1, Integer::sum);
        }
        List<Keyword> weighed = new ArrayList<>();
        int documents = Math.max(collection.documents(), 1);
        counts.forEach((term, count) -> weighed.add(new Keyword(term,
                count * Math.log((documents + 1.0) / (collection.frequency(term) + 1.0)))));
        // a stable sort: ties keep the order of first appearance
        weighed.sort(Comparator.comparingDouble((Keyword k) -> -k.weight()));
        return weighed.stream().limit(limit).toList();
    }

    /** The nouns of {@code text} as Kuromoji cuts them, widths normalised, numbers and symbols left out. */
    static List<String> nouns(String text) {
        List<String> nouns = new ArrayList<>();
        for (Token token : KuromojiTokens.tokenize(text)) {
            if (token.isNoun() && !token.pos().startsWith("名詞-数")
                    && token.term().codePoints().anyMatch(Character::isLetter)) {
                nouns.add(normaliseWidth(token.term()));
            }
        }
        return nouns;
    }

    private static final class Stats {
        final int order;
        final int words;
        int count;

        Stats(int order, int words) {
            this.order = order;
            this.words = words;
        }
    }

    /** A term and the number of dictionary words it was built from. */
    record Compound(String term, int words, int start, int end) {
    }

    /** The compound nouns of {@code text} that pass the filters, in text order. */
    static List<Compound> compounds(String text) {
        List<Compound> out = new ArrayList<>();
        List<Token> run = new ArrayList<>();
        for (Token token : KuromojiTokens.tokenize(text)) {
            boolean joins = joinable(token);
            if (!run.isEmpty() && (!joins || run.get(run.size() - 1).end() != token.start())) {
                flush(run, out);
            }
            if (joins && !(run.isEmpty() && token.pos().startsWith("名詞-接尾"))) {
                run.add(token);
            }
        }
        flush(run, out);
        return out;
    }

    private static boolean joinable(Token token) {
        if (!token.isNoun() || token.term().codePoints().noneMatch(Character::isLetterOrDigit)) {
            return false;
        }
        for (String excluded : EXCLUDED_POS) {
            if (token.pos().startsWith(excluded)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Emits the run as terms: split between a name and the title after it (ラブロフ露外相 →
     * ラブロフ, 露外相), and a title alone or with one country abbreviation dropped.
     */
    private static void flush(List<Token> run, List<Compound> out) {
        int from = 0;
        for (int i = 1; i < run.size(); i++) {
            int titleAt = EntityCandidates.MODIFIERS.contains(run.get(i).term()) ? i + 1 : i;
            if (titleAt < run.size() && titleAt(run, titleAt) != null && nameLike(run.get(i - 1))) {
                emit(run.subList(from, i), out);
                from = i;
            }
        }
        emit(run.subList(from, run.size()), out);
        run.clear();
    }

    private static boolean nameLike(Token token) {
        return token.pos().startsWith("名詞-固有名詞-人名") || token.pos().startsWith("名詞-固有名詞-一般")
                || !token.known() || KuromojiTokens.isAllKatakana(token.term());
    }

    /** The person title the tokens from {@code i} begin with, if they do. */
    private static String titleAt(List<Token> run, int i) {
        StringBuilder rest = new StringBuilder();
        for (int k = i; k < run.size(); k++) {
            rest.append(run.get(k).term());
        }
        for (String title : EntityCandidates.PERSON_TITLES) {
            if (rest.toString().startsWith(title)) {
                int length = 0;
                for (int k = i; k < run.size() && length < title.length(); k++) {
                    length += run.get(k).term().length();
                }
                if (length == title.length()) {
                    return title;
                }
            }
        }
        return null;
    }

    private static void emit(List<Token> part, List<Compound> out) {
        if (part.isEmpty()) {
            return;
        }
        StringBuilder term = new StringBuilder();
        for (Token token : part) {
            term.append(token.term());
        }
        String s = term.toString();
        boolean loneAdjective = part.size() == 1 && part.get(0).pos().startsWith("名詞-形容動詞語幹");
        boolean bareTitle = EntityCandidates.PERSON_TITLES.contains(s)
                || EntityCandidates.MODIFIERS.contains(part.get(0).term())
                        && EntityCandidates.PERSON_TITLES.contains(s.substring(part.get(0).term().length()));
        if (s.codePointCount(0, s.length()) >= 2 && !loneAdjective && !bareTitle && !GENERIC.contains(s)) {
            out.add(new Compound(s, part.size(), part.get(0).start(), part.get(part.size() - 1).end()));
        }
    }

    /** The first paragraph: everything before the first blank line. */
    static String lead(String body) {
        String normalised = body.replace("\r\n", "\n");
        int blank = normalised.indexOf("\n\n");
        return blank < 0 ? normalised : normalised.substring(0, blank);
    }

    /** Compatibility forms folded (ＮＡＴＯ → NATO, ｶﾀｶﾅ → カタカナ), for comparing terms with text. */
    private static String normaliseWidth(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC);
    }
}

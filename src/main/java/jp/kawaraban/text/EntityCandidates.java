package jp.kawaraban.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jp.kawaraban.text.KuromojiTokens.Token;

/**
 * Proposes new entities for the vocabulary from one text: names that look like people,
 * organisations or places but that the known vocabulary does not cover. Kuromoji (NORMAL
 * mode, IPADIC, no user dictionary) segments the text; a word it does not know is one it
 * has no reading for.
 *
 * <p>Four sources, from strongest to weakest:
 * <ol>
 *   <li><b>Titles</b> (strength 3, PERSON): the name just before 氏, さん, 大統領, 首相,
 *       外相, 国務長官, 報道官, 特使, 長官, 総裁, 議長, 知事, 市長 and a few more
 *       ({@code PERSON_TITLES}; the title must end where a word ends). Up to two country
 *       abbreviations or 前/元/新/現/次期 between name and title are skipped (トランプ米大統領,
 *       岸田前首相). The name is up to three adjacent words that are personal or general
 *       proper nouns or unknown to IPADIC, or — before the titles that only ever follow a
 *       name, such as 大統領 or 氏 — katakana words (IPADIC knows トランプ as playing cards),
 *       with ・ joining katakana parts. Place and organisation names (ロシア大統領) and
 *       同/両/各 (同氏, 両首脳) give nothing. Before 知事, 市長, 町長 and 村長 only a word IPADIC
 *       tags as a personal name counts, and not when the text also names the place
 *       (若葉市長 next to 若葉市は…).</li>
 *   <li><b>Suffixes</b> (strength 3): a compound ending in 省, 庁, 銀行, 委員会, 党, 社 or
 *       通信 is an ORGANIZATION when it holds a proper noun, a katakana word or an unknown
 *       word (ロシア連邦捜査委員会, みさき銀行), or is one organisation name in IPADIC
 *       (外務省, 厚生 + 労働省); 予算委員会 or 地方銀行 are not proposed, and a leading
 *       one-character country abbreviation is dropped (米国務省 gives 国務省). A compound
 *       ending in 市, 県, 州, 国, 町, 村, 区, 島 or 半島 is a PLACE when IPADIC reads the
 *       suffix as a place suffix (若葉市, クルスク州) or the whole as a place name (欧州,
 *       霞 + ケ + 原町); only the words right before the suffix are taken (ロシア西部クルスク州
 *       gives クルスク州).</li>
 *   <li><b>The entity model</b> (strength 2): the people, organisations and places
 *       {@link EntityRecognizer} finds — names without a title or suffix (山田太郎, 日本),
 *       names in Latin letters (NHK, KDDI), the kind of the whole name rather than of its first
 *       part (サンフランシスコ・ジャイアンツ is an organisation). A model name inside a longer
 *       organisation or place of the rules above is not proposed on its own.</li>
 *   <li><b>Katakana words</b> of three or more letters (・-joined names count as one word):
 *       strength 2 when IPADIC knows a part as a proper noun, strength 1 when a part is
 *       unknown to IPADIC. The kind comes from the word that follows (氏 or a title for a
 *       person, 州, 市, 半島 … for a place, 社, 通信, 銀行 … for an organisation), else from the
 *       dictionary (人名, 地域, 組織), else from the word's own ending (クリミア半島), else
 *       none. Words IPADIC knows only as common nouns (ミサイル, エネルギー) are loanwords,
 *       not names; so are the words of {@code COMMON_LOANWORDS}, which IPADIC (2007) is too
 *       old to know. A katakana word inside a proposed organisation or place (クルスク in
 *       クルスク州) is not proposed on its own, nor one that overlaps a name of the model (the
 *       model's span and kind are proposed instead); a word whose only evidence is that IPADIC
 *       does not know it is proposed only when the model also takes it for a name — else it is
 *       an ordinary loanword (プレイ, リメイク, ゾンビ).</li>
 * </ol>
 *
 * <p>Anything that overlaps a mention the known vocabulary finds is left out. Findings whose
 * names fold alike ({@link KatakanaFolding}) are one candidate, shown in the spelling seen
 * most often. A short form is merged into the one full name it belongs to: モスカリク into
 * ヤロスラフ・モスカリク, a kanji surname 岡本 into the person 岡本誠一 (not when two full names
 * share it). Occurrences count every place the name or a merged form appears, with or
 * without its title. The list is ordered by strength × occurrences, then strength, then
 * first position in the text; the same input always gives the same list.
 *
 * <p>Limits: the rules see only what Kuromoji's segmentation lets through; the model finds
 * about three names in four with the right span and kind on sentences it was not trained on
 * (docs/benchmarks.md), so the kind is a guess for an editor to confirm.
 */
public final class EntityCandidates {

    /** Titles after a person's name; longer ones first so 国務長官 wins over 長官. */
    static final List<String> PERSON_TITLES = List.of(
            "大統領補佐官", "大統領顧問", "副大統領", "国務長官", "国防長官", "官房長官", "参謀総長",
            "事務総長", "報道官", "副首相", "大統領", "委員長", "補佐官", "国防相", "防衛相", "財務相",
            "首相", "外相", "特使", "長官", "総裁", "議長", "知事", "市長", "町長", "村長", "大使",
            "顧問", "社長", "会長", "代表", "監督", "氏", "さん");

    /** Titles that are used only after a name, so a katakana common noun before them is one. */
    private static final Set<String> NAME_ONLY_TITLES = Set.of(
            "大統領補佐官", "大統領顧問", "副大統領", "国務長官", "国防長官", "官房長官", "参謀総長",
            "報道官", "副首相", "大統領", "補佐官", "国防相", "防衛相", "財務相", "首相", "外相",
            "特使", "長官", "総裁", "氏", "さん");

    /**
     * Titles that also follow the place they govern (若葉市長 is the mayor of Wakaba): only a
     * word IPADIC knows as a personal name counts as a name before them.
     */
    private static final Set<String> PLACE_HEAD_TITLES = Set.of("知事", "市長", "町長", "村長");

    /** Tokens skipped between a name and its title. */
    static final Set<String> MODIFIERS = Set.of(
            "米", "露", "ロ", "英", "仏", "独", "中", "韓", "朝", "伊", "加", "豪", "印", "日", "台",
            "前", "元", "新", "現", "次期", "故");

    /** Tokens before a title that mean "the person already named", not a name. */
    private static final Set<String> NOT_NAMES = Set.of("同", "両", "各", "本", "当", "他", "全");

    private static final List<String> ORGANIZATION_SUFFIXES = List.of(
            "委員会", "銀行", "通信", "省", "庁", "党", "社");
    private static final List<String> PLACE_SUFFIXES = List.of(
            "半島", "市", "県", "州", "国", "町", "村", "区", "島");

    /** The small characters inside place names such as 霞ケ関 or 関ヶ原. */
    private static final Set<String> CONNECTORS = Set.of("ケ", "ヶ", "が", "ノ", "之");

    /** Words after an unknown katakana word that make it a place or an organisation. */
    private static final List<String> PLACE_CONTEXT = List.of(
            "半島", "地方", "地域", "空港", "州", "市", "県", "町", "村", "区", "島", "湾", "川", "港");
    private static final List<String> ORGANIZATION_CONTEXT = List.of(
            "通信", "銀行", "グループ", "大学", "財団", "基金", "社", "党", "省", "庁");

    /**
     * Frequent loanwords of news text that IPADIC (2007) does not know. A katakana word
     * that folds like one of these is never proposed.
     */
    private static final List<String> COMMON_LOANWORDS = List.of(
            "ランサムウェア", "フィッシング", "サイバー", "ドローン", "オンライン", "インバウンド",
            "ライドシェア", "サプライチェーン", "スマートフォン", "スマホ", "アプリ", "コロナ",
            "インフレ", "デフレ", "デジタル", "データ", "ウェブ", "メール", "サイト", "ファンド",
            "プラットフォーム", "コンテンツ", "イベント", "プロジェクト", "シナリオ", "コスト",
            "インフラ", "リスク", "サービス", "システム", "チーム", "メディア", "ミサイル",
            "エネルギー", "ツアー", "マラソン", "スタジアム", "ボランティア", "シェア", "オーバーツーリズム",
            "ランキング", "ブランド", "テーマ", "ポイント", "ルール", "レベル", "ハラスメント",
            "セキュリティー", "セキュリティ", "アカウント", "パスワード", "ウイルス", "ソフト",
            "マネー", "キャッシュレス", "サブスク", "チャット", "グローバル", "プロセス",
            "ウェブサイト", "ストラテジスト", "エコノミスト", "アナリスト", "ガイドライン", "ワークショップ",
            "ハルシネーション", "アディショナルタイム");
    private static final Set<String> FOLDED_LOANWORDS = COMMON_LOANWORDS.stream()
            .map(KatakanaFolding::fold).collect(Collectors.toUnmodifiableSet());

    private EntityCandidates() {
    }

    /**
     * Candidate new entities in {@code text}, best first.
     *
     * @param known the vocabulary's finder; {@code null} means an empty vocabulary
     */
    public static List<Candidate> propose(String text, MentionFinder known) {
        return propose(text, known, EntityRecognizer.bundled());
    }

    /**
     * As {@link #propose(String, MentionFinder)}, with the given model; {@code null} proposes from
     * the rules and the dictionary alone, as before the model (for measuring what it adds).
     */
    public static List<Candidate> propose(String text, MentionFinder known, EntityRecognizer recognizer) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        boolean[] covered = new boolean[text.length() + 1];
        if (known != null) {
            for (Mention mention : known.find(text)) {
                for (int i = mention.start(); i < mention.end(); i++) {
                    covered[i] = true;
                }
            }
        }
        List<Token> tokens = KuromojiTokens.tokenize(text);
        List<Finding> findings = new ArrayList<>();
        titles(text, tokens, covered, findings);
        suffixes(text, tokens, covered, findings);
        List<Finding> recognised = recognizer == null ? List.of() : recognised(text, tokens, covered, recognizer);
        List<Finding> katakana = new ArrayList<>();
        katakanaWords(text, tokens, covered, katakana);
        List<Finding> ruled = List.copyOf(findings);
        for (Finding name : recognised) {
            if (!insideLonger(name, ruled)) {
                findings.add(name);
            }
        }
        for (Finding word : katakana) {
            // クルスク inside クルスク州: the organisation or place with its suffix is proposed instead;
            // a word the model read as part of a name is proposed with the model's span and kind;
            // a katakana word with no evidence but its absence from IPADIC is a loanword when the
            // model, which has seen thousands of names, does not take it for a name (プレイ, リメイク)
            if (!insideLonger(word, ruled) && !overlapsAny(word, recognised)
                    && (recognizer == null || word.strength() > 1)) {
                findings.add(word);
            }
        }
        return rank(text, findings);
    }

    /**
     * The model's people, organisations and places that the vocabulary does not cover, held to
     * the rules' standards: a title after a person's name is no part of it (アールステン首相), a
     * name needs a proper noun, a word IPADIC does not know, katakana or Latin letters (the model
     * learnt from Wikipedia, which marks 予算委員会 as an organisation: news text uses it as a
     * common noun), and short katakana words and the loanwords of {@code COMMON_LOANWORDS} stay out.
     */
    private static List<Finding> recognised(String text, List<Token> tokens, boolean[] covered,
            EntityRecognizer recognizer) {
        List<Finding> found = new ArrayList<>();
        for (RecognizedName name : recognizer.find(text)) {
            EntityKind kind = name.kind().entityKind();
            int end = name.end();
            for (String title : PERSON_TITLES) {
                if (name.surface().endsWith(title) && name.surface().length() > title.length()
                        && (kind == EntityKind.PERSON || NAME_ONLY_TITLES.contains(title))) {
                    end -= title.length();
                    kind = EntityKind.PERSON; // アールステン首相 is the prime minister アールステン
                    break;
                }
            }
            String surface = text.substring(name.start(), end);
            if (kind == EntityKind.PERSON && headsAPlace(text, surface, end)) {
                continue;
            }
            boolean shortKatakana = KuromojiTokens.isAllKatakana(surface) && surface.length() < 3;
            if (kind != null && !shortKatakana && !FOLDED_LOANWORDS.contains(key(surface))
                    && holdsAName(tokens, name.start(), end) && !anyCovered(covered, name.start(), end)) {
                found.add(new Finding(name.start(), end, surface, kind, "entity model (" + name.kind() + ")", 2));
            }
        }
        return found;
    }

    /** 若葉 in 若葉市長選 where the text also has 若葉市は…: the place the mayor governs, not a person. */
    private static boolean headsAPlace(String text, String name, int end) {
        for (String title : PLACE_HEAD_TITLES) {
            if (text.startsWith(title, end) && namesPlace(text, name + title.charAt(0))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a word of {@code start..end} is a proper noun, unknown to IPADIC, katakana or Latin. */
    private static boolean holdsAName(List<Token> tokens, int start, int end) {
        for (Token token : tokens) {
            if (token.end() > start && token.start() < end && token.isNoun()
                    && (token.isProperNoun() || !token.known() || KuromojiTokens.isAllKatakana(token.term())
                            || token.term().chars().anyMatch(ch -> ch < 0x80 && Character.isLetter(ch)))) {
                return true;
            }
        }
        return false;
    }

    /** Whether an organisation or place finding holds {@code part} and more. */
    private static boolean insideLonger(Finding part, List<Finding> findings) {
        for (Finding finding : findings) {
            if (finding.kind() != EntityKind.PERSON && finding.start() <= part.start() && part.end() <= finding.end()
                    && finding.end() - finding.start() > part.end() - part.start()) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlapsAny(Finding part, List<Finding> findings) {
        for (Finding finding : findings) {
            if (finding.start() < part.end() && part.start() < finding.end()) {
                return true;
            }
        }
        return false;
    }

    /** One sighting: the span of a name in the text and why it looks like one. */
    private record Finding(int start, int end, String surface, EntityKind kind, String evidence,
            int strength) {
    }

    private static void titles(String text, List<Token> tokens, boolean[] covered, List<Finding> out) {
        for (int t = 0; t < tokens.size(); t++) {
            Token token = tokens.get(t);
            String title = null;
            for (String candidate : PERSON_TITLES) {
                if (text.startsWith(candidate, token.start())
                        && endsAtTokenBoundary(tokens, t, token.start() + candidate.length())) {
                    title = candidate;
                    break;
                }
            }
            if (title == null) {
                continue;
            }
            int k = t - 1;
            int boundary = token.start();
            for (int skipped = 0; skipped < 2 && k >= 0 && adjacent(tokens.get(k), boundary)
                    && MODIFIERS.contains(tokens.get(k).term()); skipped++) {
                boundary = tokens.get(k).start();
                k--;
            }
            boolean katakanaAllowed = NAME_ONLY_TITLES.contains(title);
            boolean personNameOnly = PLACE_HEAD_TITLES.contains(title);
            int nameEnd = boundary;
            int nameStart = boundary;
            int taken = 0;
            while (k >= 0 && taken < 3 && adjacent(tokens.get(k), nameStart)) {
                Token part = tokens.get(k);
                if (isJoiner(part) && taken > 0 && k > 0 && adjacent(tokens.get(k - 1), part.start())
                        && KuromojiTokens.isAllKatakana(tokens.get(k - 1).term())) {
                    nameStart = part.start();
                    k--;
                    continue;
                }
                if (NOT_NAMES.contains(part.term()) || !nameLike(part, katakanaAllowed)
                        || personNameOnly && !part.pos().startsWith("名詞-固有名詞-人名")) {
                    break;
                }
                nameStart = part.start();
                taken++;
                k--;
            }
            if (taken == 0 || anyCovered(covered, nameStart, nameEnd)) {
                continue;
            }
            String name = text.substring(nameStart, nameEnd);
            if (personNameOnly && title.length() == 2 && namesPlace(text, name + title.charAt(0))) {
                continue; // 若葉市長 where the text also has 若葉市は…: the mayor of a place
            }
            out.add(new Finding(nameStart, nameEnd, name, EntityKind.PERSON, "before " + title, 3));
        }
    }

    /** Whether one of the tokens from {@code t} on ends at {@code offset} (氏 is no title in 氏家). */
    private static boolean endsAtTokenBoundary(List<Token> tokens, int t, int offset) {
        for (int k = t; k < tokens.size() && tokens.get(k).start() < offset; k++) {
            if (tokens.get(k).end() == offset) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code place} (若葉市) occurs in the text other than as the start of …市長. */
    private static boolean namesPlace(String text, String place) {
        for (int at = text.indexOf(place); at >= 0; at = text.indexOf(place, at + 1)) {
            int after = at + place.length();
            if (after >= text.length() || text.charAt(after) != '長') {
                return true;
            }
        }
        return false;
    }

    private static boolean nameLike(Token token, boolean katakanaAllowed) {
        String pos = token.pos();
        if (token.isSymbol() || !token.isNoun() || pos.startsWith("名詞-数")) {
            return false;
        }
        if (!token.known()) {
            // the part of speech of an unknown word is a guess of Kuromoji's: ignore it
            return !isDigits(token.term());
        }
        if (pos.startsWith("名詞-固有名詞-地域") || pos.startsWith("名詞-固有名詞-組織")
                || pos.startsWith("名詞-代名詞") || pos.startsWith("名詞-接尾") || pos.startsWith("名詞-非自立")) {
            return false;
        }
        if (pos.startsWith("名詞-固有名詞")) {
            return true;
        }
        return katakanaAllowed && KuromojiTokens.isAllKatakana(token.term());
    }

    private static void suffixes(String text, List<Token> tokens, boolean[] covered, List<Finding> out) {
        for (int e = 0; e < tokens.size(); e++) {
            Token last = tokens.get(e);
            if (!last.isNoun() || covered[last.end() - 1]) {
                continue;
            }
            // One dictionary word that is itself a name with the suffix: 外務省, 米国.
            if (last.isProperNoun() && last.known()) {
                String organisation = endsWithAny(last.term(), ORGANIZATION_SUFFIXES);
                String place = endsWithAny(last.term(), PLACE_SUFFIXES);
                if (organisation != null && last.term().length() > organisation.length()
                        && last.pos().startsWith("名詞-固有名詞-組織")) {
                    int start = extendWithProperNouns(tokens, e, covered);
                    out.add(new Finding(start, last.end(), text.substring(start, last.end()),
                            EntityKind.ORGANIZATION, "ends with " + organisation, 3));
                } else if (place != null && last.term().length() > place.length()
                        && (last.pos().startsWith("名詞-固有名詞-地域") || last.pos().startsWith("名詞-固有名詞-一般"))) {
                    int start = last.start();
                    // 霞 + ケ + 原町: IPADIC knows only the end of a name joined by ケ, ヶ, が or ノ
                    if (e >= 2 && CONNECTORS.contains(tokens.get(e - 1).term())
                            && adjacent(tokens.get(e - 1), start) && adjacent(tokens.get(e - 2), tokens.get(e - 1).start())
                            && tokens.get(e - 2).isNoun() && !covered[tokens.get(e - 2).start()]) {
                        start = tokens.get(e - 2).start();
                    }
                    out.add(new Finding(start, last.end(), text.substring(start, last.end()),
                            EntityKind.PLACE, "ends with " + place, 3));
                }
                continue;
            }
            // A suffix of its own tokens after the name: クルスク州, ロシア連邦捜査委員会.
            for (List<String> suffixes : List.of(ORGANIZATION_SUFFIXES, PLACE_SUFFIXES)) {
                boolean organisation = suffixes == ORGANIZATION_SUFFIXES;
                for (String suffix : suffixes) {
                    int suffixStart = last.end() - suffix.length();
                    if (suffixStart < 0 || !text.startsWith(suffix, suffixStart)) {
                        continue;
                    }
                    int s = e;
                    while (s >= 0 && tokens.get(s).start() > suffixStart) {
                        s--;
                    }
                    if (s < 1 || tokens.get(s).start() != suffixStart) {
                        continue;
                    }
                    if (!organisation && !(s == e && last.pos().startsWith("名詞-接尾-地域"))) {
                        continue;
                    }
                    int start = namePart(tokens, s, organisation);
                    if (start < 0 || anyCovered(covered, suffixStart - 1, suffixStart)) {
                        continue;
                    }
                    out.add(new Finding(start, last.end(), text.substring(start, last.end()),
                            organisation ? EntityKind.ORGANIZATION : EntityKind.PLACE,
                            "ends with " + suffix, 3));
                }
            }
        }
    }

    /**
     * Start of the name before the suffix token {@code s}: adjacent nouns going back, at
     * most four, stopping at a common noun once a proper noun has been taken. -1 when no
     * name is there (organisations also need a proper noun, a katakana or an unknown word).
     */
    private static int namePart(List<Token> tokens, int s, boolean organisation) {
        int first = s;
        boolean properTaken = false;
        for (int k = s - 1; k >= 0 && s - k <= 4 && adjacent(tokens.get(k), tokens.get(first).start()); k--) {
            Token part = tokens.get(k);
            if (!part.isNoun() || NOT_NAMES.contains(part.term()) || part.pos().startsWith("名詞-数")
                    || part.pos().startsWith("名詞-代名詞") || part.pos().startsWith("名詞-非自立")
                    || part.pos().startsWith("名詞-接尾") || part.pos().startsWith("名詞-副詞可能")) {
                break;
            }
            boolean proper = part.isProperNoun() || !part.known()
                    || KuromojiTokens.isAllKatakana(part.term());
            if (properTaken && !proper) {
                break;
            }
            properTaken |= proper;
            first = k;
        }
        if (first == s || organisation && !properTaken) {
            return -1;
        }
        // 米ブルームバーグ通信 is ブルームバーグ通信 of the US: a leading country abbreviation goes.
        if (first + 1 < s && MODIFIERS.contains(tokens.get(first).term())
                && tokens.get(first).term().length() == 1) {
            first++;
        }
        return tokens.get(first).start();
    }

    /**
     * Extends a one-token organisation back over up to two adjacent nouns of two or more
     * characters (厚生 + 労働省, ロシア + 外務省); a one-character country abbreviation stops
     * it (米国務省 gives 国務省).
     */
    private static int extendWithProperNouns(List<Token> tokens, int e, boolean[] covered) {
        int start = tokens.get(e).start();
        for (int k = e - 1, taken = 0; k >= 0 && taken < 2 && adjacent(tokens.get(k), start); k--, taken++) {
            Token part = tokens.get(k);
            if (!part.isNoun() || part.term().length() < 2 || covered[part.start()]
                    || part.pos().startsWith("名詞-数") || part.pos().startsWith("名詞-代名詞")
                    || part.pos().startsWith("名詞-非自立") || part.pos().startsWith("名詞-接尾")
                    || part.pos().startsWith("名詞-副詞可能")) {
                break;
            }
            start = part.start();
        }
        return start;
    }

    private static void katakanaWords(String text, List<Token> tokens, boolean[] covered, List<Finding> out) {
        int firstToken = 0;
        int i = 0;
        while (i < text.length()) {
            if (!KuromojiTokens.isKatakana(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int end = i;
            int letters = 0;
            int j = i;
            while (j < text.length()) {
                char c = text.charAt(j);
                if (KuromojiTokens.isKatakana(c)) {
                    letters++;
                    j++;
                    end = j;
                } else if (KuromojiTokens.isNameJoiner(c) && j + 1 < text.length()
                        && KuromojiTokens.isKatakana(text.charAt(j + 1))) {
                    j++;
                } else {
                    break;
                }
            }
            i = j;
            if (letters < 3 || anyCovered(covered, start, end)) {
                continue;
            }
            String folded = KatakanaFolding.fold(Normalizer.normalize(text.substring(start, end),
                    Normalizer.Form.NFKC));
            if (FOLDED_LOANWORDS.contains(folded)) {
                continue;
            }
            boolean unknown = false;
            Token proper = null;
            int spanStart = start;
            int spanEnd = end;
            while (firstToken < tokens.size() && tokens.get(firstToken).end() <= start) {
                firstToken++;
            }
            for (int t = firstToken; t < tokens.size() && tokens.get(t).start() < end; t++) {
                Token token = tokens.get(t);
                if (isJoiner(token)) {
                    continue;
                }
                if (!token.known()) {
                    unknown = true;
                } else if (token.isProperNoun() && proper == null) {
                    proper = token;
                    if (token.start() < start || token.end() > end) {
                        // a dictionary name that goes on past the katakana: ロイター通信
                        spanStart = Math.min(spanStart, token.start());
                        spanEnd = Math.max(spanEnd, token.end());
                    }
                }
            }
            if (!unknown && proper == null) {
                continue;
            }
            if (anyCovered(covered, spanStart, spanEnd)) {
                continue;
            }
            String surface = text.substring(spanStart, spanEnd);
            if (proper != null) {
                // what follows (ブルームバーグ通信) says more than the dictionary (a surname)
                EntityKind kind = kindFromContext(text, spanEnd);
                if (kind == null) {
                    kind = kindOf(proper.pos());
                }
                if (kind == null) {
                    kind = kindFromEnding(surface);
                }
                out.add(new Finding(spanStart, spanEnd, surface, kind,
                        "IPADIC proper noun (" + subtype(proper.pos()) + ")", 2));
            } else {
                out.add(new Finding(spanStart, spanEnd, surface, kindFromContext(text, spanEnd),
                        "katakana word unknown to IPADIC", 1));
            }
        }
    }

    /** PLACE for a name that ends like a place (クリミア半島), ORGANIZATION like an organisation. */
    private static EntityKind kindFromEnding(String surface) {
        for (String word : PLACE_CONTEXT) {
            if (surface.endsWith(word) && surface.length() > word.length()) {
                return EntityKind.PLACE;
            }
        }
        for (String word : ORGANIZATION_CONTEXT) {
            if (surface.endsWith(word) && surface.length() > word.length()) {
                return EntityKind.ORGANIZATION;
            }
        }
        return null;
    }

    private static EntityKind kindOf(String pos) {
        if (pos.startsWith("名詞-固有名詞-人名")) {
            return EntityKind.PERSON;
        }
        if (pos.startsWith("名詞-固有名詞-組織")) {
            return EntityKind.ORGANIZATION;
        }
        if (pos.startsWith("名詞-固有名詞-地域")) {
            return EntityKind.PLACE;
        }
        return null;
    }

    private static String subtype(String pos) {
        String[] parts = pos.split("-");
        return parts.length > 2 ? parts[2] : pos;
    }

    private static EntityKind kindFromContext(String text, int end) {
        for (String title : PERSON_TITLES) {
            if (NAME_ONLY_TITLES.contains(title) && text.startsWith(title, end)) {
                return EntityKind.PERSON;
            }
        }
        for (String word : PLACE_CONTEXT) {
            if (text.startsWith(word, end)) {
                return EntityKind.PLACE;
            }
        }
        for (String word : ORGANIZATION_CONTEXT) {
            if (text.startsWith(word, end)) {
                return EntityKind.ORGANIZATION;
            }
        }
        return null;
    }

    /** The findings of one proposed name: its own spellings, and short forms merged into it. */
    private static final class Group {
        final String key;
        final List<Finding> own = new ArrayList<>();
        final List<Finding> all = new ArrayList<>();

        Group(String key) {
            this.key = key;
        }

        /** The spelling seen most often among its own findings; the first seen on a tie. */
        String surface() {
            Map<String, Integer> counts = new HashMap<>();
            String surface = null;
            int best = 0;
            for (Finding finding : own) {
                int count = counts.merge(finding.surface(), 1, Integer::sum);
                if (count > best) {
                    best = count;
                    surface = finding.surface();
                }
            }
            return surface;
        }

        /**
         * The kind the strongest findings agree on: the most frequent among them, none on a tie
         * (the model may read one name as an organisation here and a person there).
         */
        EntityKind kind() {
            List<Finding> kinded = strongestFirst().stream().filter(f -> f.kind() != null).toList();
            if (kinded.isEmpty()) {
                return null;
            }
            int strongest = kinded.get(0).strength();
            Map<EntityKind, Integer> votes = new java.util.EnumMap<>(EntityKind.class);
            kinded.stream().filter(f -> f.strength() == strongest).forEach(f -> votes.merge(f.kind(), 1, Integer::sum));
            int most = votes.values().stream().max(Integer::compare).orElse(0);
            List<EntityKind> best = votes.entrySet().stream().filter(e -> e.getValue() == most).map(Map.Entry::getKey).toList();
            return best.size() == 1 ? best.get(0) : null;
        }

        List<Finding> strongestFirst() {
            return all.stream()
                    .sorted(Comparator.comparingInt(Finding::strength).reversed().thenComparingInt(Finding::start))
                    .toList();
        }
    }

    /** Merges findings that fold alike and short forms of full names, counts, orders. */
    private static List<Candidate> rank(String text, List<Finding> findings) {
        Map<String, Group> groups = new LinkedHashMap<>();
        findings.sort(Comparator.comparingInt(Finding::start).thenComparingInt(f -> -f.strength()));
        for (Finding finding : findings) {
            String key = key(finding.surface());
            Group group = groups.computeIfAbsent(key, Group::new);
            group.own.add(finding);
            group.all.add(finding);
        }
        mergeShortForms(groups);

        List<Entity> asEntities = new ArrayList<>();
        for (Group group : groups.values()) {
            List<String> surfaces = group.all.stream().map(Finding::surface).distinct().toList();
            asEntities.add(new Entity(group.key, surfaces.get(0), EntityKind.PERSON, surfaces, ""));
        }
        Map<String, Integer> counted = new MentionFinder(asEntities).counts(text);

        record Ranked(Candidate candidate, int strength, int firstStart) {
        }
        List<Ranked> ranked = new ArrayList<>();
        for (Group group : groups.values()) {
            List<Finding> byStrength = group.strongestFirst();
            int strength = byStrength.get(0).strength();
            String evidence = String.join("; ", byStrength.stream().map(Finding::evidence).distinct().toList());
            int sightings = (int) group.all.stream().mapToInt(Finding::start).distinct().count();
            int occurrences = Math.max(sightings, counted.getOrDefault(group.key, 0));
            int firstStart = group.all.stream().mapToInt(Finding::start).min().orElse(0);
            ranked.add(new Ranked(new Candidate(group.surface(), group.kind(), evidence, occurrences), strength,
                    firstStart));
        }
        ranked.sort(Comparator.comparingInt((Ranked r) -> -r.strength() * r.candidate().occurrences())
                .thenComparingInt(r -> -r.strength())
                .thenComparingInt(Ranked::firstStart));
        return ranked.stream().map(Ranked::candidate).toList();
    }

    private static String key(String surface) {
        return KatakanaFolding.fold(Normalizer.normalize(surface, Normalizer.Form.NFKC));
    }

    /**
     * Folds a short form into the one full name it belongs to: モスカリク into
     * ヤロスラフ・モスカリク (one part of a ・-joined name), 岡本 into 岡本誠一 (a kanji surname
     * before a full name, both people). A short form that fits two full names stays apart.
     */
    private static void mergeShortForms(Map<String, Group> groups) {
        List<Group> list = new ArrayList<>(groups.values());
        for (Group part : list) {
            Group into = null;
            int fits = 0;
            for (Group whole : list) {
                if (whole != part && groups.containsKey(whole.key) && isShortFormOf(part, whole)) {
                    into = whole;
                    fits++;
                }
            }
            if (fits == 1) {
                into.all.addAll(part.all);
                groups.remove(part.key);
            }
        }
    }

    private static boolean isShortFormOf(Group part, Group whole) {
        String shortKey = part.key;
        String longKey = whole.key;
        if (longKey.length() <= shortKey.length()) {
            return false;
        }
        EntityKind partKind = part.kind();
        EntityKind wholeKind = whole.kind();
        if (partKind != null && wholeKind != null && partKind != wholeKind) {
            return false;
        }
        if (KuromojiTokens.isAllKatakana(shortKey)) {
            // Keys are folded, and folding drops the joiners: look at the spellings seen instead.
            for (Finding finding : whole.own) {
                for (String piece : finding.surface().split("[・･＝=]")) {
                    if (KatakanaFolding.fold(piece).equals(shortKey)) {
                        return true;
                    }
                }
            }
            return false;
        }
        if (partKind != null && partKind == wholeKind && partKind != EntityKind.PERSON) {
            return longKey.startsWith(shortKey); // 若葉 (the model's) into 若葉市 (the suffix rule's)
        }
        return partKind == EntityKind.PERSON && wholeKind == EntityKind.PERSON
                && longKey.startsWith(shortKey) && longKey.length() - shortKey.length() <= 4
                && shortKey.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                && longKey.codePoints().noneMatch(KuromojiTokens::isNameJoiner);
    }

    private static boolean adjacent(Token token, int nextStart) {
        return token.end() == nextStart;
    }

    private static boolean isJoiner(Token token) {
        return token.term().length() == 1 && KuromojiTokens.isNameJoiner(token.term().charAt(0));
    }

    private static boolean isDigits(String s) {
        return s.chars().allMatch(Character::isDigit);
    }

    private static boolean anyCovered(boolean[] covered, int start, int end) {
        for (int i = Math.max(0, start); i < end && i < covered.length; i++) {
            if (covered[i]) {
                return true;
            }
        }
        return false;
    }

    private static String endsWithAny(String s, List<String> suffixes) {
        for (String suffix : suffixes) {
            if (s.endsWith(suffix)) {
                return suffix;
            }
        }
        return null;
    }
}

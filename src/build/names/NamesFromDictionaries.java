import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.CharBuffer;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.atilika.kuromoji.dict.TokenInfoDictionary;
import com.atilika.kuromoji.trie.DoubleArrayTrie;
import com.atilika.kuromoji.util.SimpleResourceResolver;

/**
 * Build step (decision 0051): the names that IPADIC, the JUMAN dictionary and UniDic know, with
 * their kind, as one small table for the entity model's gazetteer ({@code jp.kawaraban.text.DictionaryNames}).
 * Run by the build before the entity model is trained, as a single-file program:
 *
 * <pre>java -cp kuromoji-core.jar:kuromoji-ipadic.jar:kuromoji-jumandic.jar:kuromoji-unidic.jar \
 *     src/build/names/NamesFromDictionaries.java OUT.tsv [THIS.java]</pre>
 *
 * With the path of this file as second argument, an OUT.tsv newer than it and than the jars is
 * kept as it is (the build passes it: about 15 s of CPU saved on a build that changes neither).
 *
 * The dictionaries are Atilika's Kuromoji 0.9.0 packagings from Maven Central; the build copies
 * them into target/ for this step only, so they are on no class path of the application and not
 * in the jar. Each dictionary's trie is walked for every surface it holds, and of each word only
 * proper nouns are kept (and JUMAN's words that end a name, such as 社 or 県), each with a tag:
 * the dictionary's letter (i IPADIC, j JUMAN, u UniDic) and the kind —
 * P a person's name, S a surname, G a given name, O an organisation, L a place, C a country,
 * N a proper noun of another or unknown kind, F a facility, R a product (or work), E an event,
 * W a common noun written in katakana or Latin letters (UniDic's loanwords: プレイ is a word, not
 * a name), and for JUMAN's name-ending words
 * p (ends a person's title), o (ends an organisation's name), l (ends a place's name).
 * Output: the dictionaries' notices as {@code #} lines (their licenses ask that a binary
 * redistribution carry them), then one line per surface, sorted, {@code surface<TAB>tag tag…};
 * the same dictionaries always give the same file. Full-width Latin letters and digits are
 * written as ASCII, as the model sees them.
 */
public final class NamesFromDictionaries {

    private static final int TAIL_OFFSET = 100_000_000;

    private static final List<Class<?>> DICTIONARIES = List.of(com.atilika.kuromoji.ipadic.Tokenizer.class,
            com.atilika.kuromoji.jumandic.Tokenizer.class, com.atilika.kuromoji.unidic.Tokenizer.class);

    /** The dictionary's own notice from its jar's META-INF/NOTICE.md (the part after Kuromoji's). */
    private static String notice(Class<?> anchor) throws IOException {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(
                Path.of(java.net.URI.create(anchor.getProtectionDomain().getCodeSource().getLocation().toString())).toFile())) {
            String text = new String(jar.getInputStream(jar.getEntry("META-INF/NOTICE.md")).readAllBytes(), StandardCharsets.UTF_8);
            int section = text.indexOf("## ");
            if (section < 0) {
                throw new IllegalStateException("no dictionary notice in " + jar.getName());
            }
            return text.substring(section).strip();
        }
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        if (upToDate(out, args.length > 1 ? Path.of(args[1]) : null)) {
            System.out.println(out + " is newer than the dictionaries and this program: kept");
            return;
        }
        Map<String, TreeSet<String>> tags = new TreeMap<>();
        read("i", DICTIONARIES.get(0), tags);
        read("j", DICTIONARIES.get(1), tags);
        read("u", DICTIONARIES.get(2), tags);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write("# names from IPADIC, the JUMAN dictionary and UniDic (Kuromoji 0.9.0); see NOTICE and decision 0051\n");
            // each dictionary's copyright notice, conditions and disclaimer travel with the table
            for (Class<?> anchor : DICTIONARIES) {
                for (String line : notice(anchor).split("\n")) {
                    writer.write(("# " + line).stripTrailing());
                    writer.write('\n');
                }
            }
            for (Map.Entry<String, TreeSet<String>> entry : tags.entrySet()) {
                writer.write(entry.getKey());
                writer.write('\t');
                writer.write(String.join(" ", entry.getValue()));
                writer.write('\n');
            }
        }
        System.out.printf("%d names written to %s%n", tags.size(), out);
    }

    /** Whether {@code out} is newer than every jar on the class path and than {@code source}. */
    private static boolean upToDate(Path out, Path source) throws IOException {
        if (!Files.exists(out) || source == null || !Files.exists(source)) {
            return false;
        }
        long made = Files.getLastModifiedTime(out).toMillis();
        if (Files.getLastModifiedTime(source).toMillis() >= made) {
            return false;
        }
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (Files.isRegularFile(jar) && Files.getLastModifiedTime(jar).toMillis() >= made) {
                return false;
            }
        }
        return true;
    }

    /** Every surface of one dictionary's trie with the tags of its words. */
    private static void read(String letter, Class<?> anchor, Map<String, TreeSet<String>> tags) throws IOException {
        SimpleResourceResolver resolver = new SimpleResourceResolver(anchor);
        boolean compact;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(resolver.resolve(DoubleArrayTrie.DOUBLE_ARRAY_TRIE_FILENAME)))) {
            compact = in.readBoolean();
        }
        DoubleArrayTrie trie;
        try (InputStream in = resolver.resolve(DoubleArrayTrie.DOUBLE_ARRAY_TRIE_FILENAME)) {
            trie = DoubleArrayTrie.read(in);
        }
        TokenInfoDictionary dictionary = TokenInfoDictionary.newInstance(resolver);
        IntBuffer base = trie.getBaseBuffer();
        IntBuffer check = trie.getCheckBuffer();
        CharBuffer tail = trie.getTailBuffer();
        int n = base.limit();
        // each cell's parent and the character leading to it (the inverse of DoubleArrayTrie.lookup)
        int[] parent = new int[n];
        char[] key = new char[n];
        java.util.Arrays.fill(parent, -1);
        for (int j = 1; j < n; j++) {
            if (base.get(j) == 0) {
                continue;
            }
            int p = check.get(j);
            if (p < 0 || p >= n) {
                continue;
            }
            int parentBase = p == 0 ? 1 : base.get(p);
            if (parentBase <= 0 || parentBase >= TAIL_OFFSET) {
                continue;
            }
            int c = compact ? j - parentBase : j - p - parentBase;
            if (c < 1 || c > Character.MAX_VALUE) {
                continue;
            }
            parent[j] = p;
            key[j] = (char) c;
        }
        int kept = 0;
        for (int j = 1; j < n; j++) {
            if (parent[j] < 0) {
                continue;
            }
            String surface;
            int index;
            int b = base.get(j);
            if (key[j] == DoubleArrayTrie.TERMINATING_CHARACTER) {
                index = parent[j];
                surface = path(parent, key, index);
            } else if (b >= TAIL_OFFSET) {
                index = j;
                StringBuilder s = new StringBuilder(path(parent, key, j));
                for (int k = b - TAIL_OFFSET; tail.get(k) != DoubleArrayTrie.TERMINATING_CHARACTER; k++) {
                    s.append(tail.get(k));
                }
                surface = s.toString();
            } else {
                continue;
            }
            if (trie.lookup(surface) != index) {
                throw new IllegalStateException(letter + ": the trie was not read right at " + surface);
            }
            for (int word : dictionary.lookupWordIds(index)) {
                String kind = kind(letter, dictionary.getAllFeaturesArray(word));
                if (kind != null && wanted(surface) && (!kind.equals("W") || loanword(surface))) {
                    tags.computeIfAbsent(ascii(surface), s -> new TreeSet<>()).add(letter + kind);
                    kept++;
                }
            }
        }
        System.out.printf("%s: %d words kept%n", anchor.getPackageName(), kept);
    }

    private static String path(int[] parent, char[] key, int j) {
        StringBuilder s = new StringBuilder();
        while (j > 0) {
            s.append(key[j]);
            j = parent[j];
        }
        return s.reverse().toString();
    }

    /** Not a hiragana spelling (JUMAN lists each word in kana too), nor a symbol, nor too long. */
    private static boolean wanted(String surface) {
        if (surface.isEmpty() || surface.length() > 24) {
            return false;
        }
        boolean letter = false;
        boolean allHiragana = true;
        for (int i = 0; i < surface.length(); i++) {
            char c = surface.charAt(i);
            letter |= Character.isLetterOrDigit(c);
            allHiragana &= c >= 'ぁ' && c <= 'ゟ';
        }
        return letter && !allHiragana;
    }

    /** Written in katakana (with ー and ・) or Latin letters only, as loanwords are. */
    private static boolean loanword(String surface) {
        for (int i = 0; i < surface.length(); i++) {
            char c = surface.charAt(i);
            boolean katakana = c >= 'ァ' && c <= 'ヺ' || c == 'ー' || c == '・';
            boolean latin = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= 'Ａ' && c <= 'Ｚ' || c >= 'ａ' && c <= 'ｚ';
            if (!katakana && !latin) {
                return false;
            }
        }
        return surface.length() >= 2;
    }

    /** Full-width ASCII as ASCII, the width the model reads. */
    private static String ascii(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= '！' && c <= '～' ? (char) (c - 0xFEE0) : c);
        }
        return b.toString();
    }

    /** The kind letter of one word, or {@code null} for a word that is not a name. */
    static String kind(String letter, String[] f) {
        String pos = f[0] + "-" + f[1] + "-" + f[2] + "-" + f[3];
        return switch (letter) {
            case "i" -> ipadic(pos);
            case "u" -> unidic(pos);
            default -> juman(pos, f.length > 6 ? f[6] : "*");
        };
    }

    private static String ipadic(String pos) {
        if (!pos.startsWith("名詞-固有名詞-")) {
            return null;
        }
        return switch (pos) {
            case "名詞-固有名詞-人名-姓" -> "S";
            case "名詞-固有名詞-人名-名" -> "G";
            case "名詞-固有名詞-人名-一般" -> "P";
            case "名詞-固有名詞-組織-*" -> "O";
            case "名詞-固有名詞-地域-国" -> "C";
            case "名詞-固有名詞-地域-一般" -> "L";
            default -> "N";
        };
    }

    private static String unidic(String pos) {
        if (pos.startsWith("名詞-普通名詞-")) {
            return "W"; // kept only for words in katakana or Latin letters (see wanted)
        }
        if (!pos.startsWith("名詞-固有名詞-")) {
            return null;
        }
        return switch (pos) {
            case "名詞-固有名詞-人名-姓" -> "S";
            case "名詞-固有名詞-人名-名" -> "G";
            case "名詞-固有名詞-人名-一般" -> "P";
            case "名詞-固有名詞-地名-国" -> "C";
            case "名詞-固有名詞-地名-一般" -> "L";
            default -> "N";
        };
    }

    /**
     * JUMAN: its name classes (人名, 地名, 組織名, 固有名詞), and for the many entries taken from
     * Wikipedia the kind their hypernym says (Wikipedia上位語:ロックバンド is an organisation, whatever
     * class the entry got); its words that end a name of a kind (組織名末尾: 社, 大学…).
     */
    private static String juman(String pos, String semantic) {
        String hypernym = null;
        boolean ending = false;
        for (String part : semantic.split(" ")) {
            if (part.startsWith("Wikipedia上位語:")) {
                hypernym = part.substring("Wikipedia上位語:".length());
                int slash = hypernym.indexOf('/');
                hypernym = slash < 0 ? hypernym : hypernym.substring(0, slash);
            }
            if (part.equals("人名末尾")) {
                return pos.startsWith("名詞-普通名詞") || pos.startsWith("接尾辞") ? "p" : null;
            }
            if (part.equals("組織名末尾")) {
                return pos.startsWith("名詞-普通名詞") || pos.startsWith("接尾辞") ? "o" : null;
            }
            if (part.equals("地名末尾") || part.equals("住所末尾")) {
                ending = true;
            }
        }
        if (ending && (pos.startsWith("名詞-普通名詞") || pos.startsWith("接尾辞"))) {
            return "l";
        }
        boolean name = pos.startsWith("名詞-人名") || pos.startsWith("名詞-地名") || pos.startsWith("名詞-組織名")
                || pos.startsWith("名詞-固有名詞");
        if (hypernym != null) {
            String kind = hypernymKind(hypernym);
            return kind != null ? kind : name ? "N" : null;
        }
        if (!name) {
            return null;
        }
        return pos.startsWith("名詞-人名") ? "P" : pos.startsWith("名詞-地名") ? "L" : pos.startsWith("名詞-組織名") ? "O" : "N";
    }

    private static final List<String> FACILITY = List.of("施設", "駅", "城", "山城", "平城", "城郭", "空港", "港", "ビル",
            "ホテル", "神社", "寺院", "寺", "遺跡", "テーマパーク", "遊園地", "ショッピングセンター", "百貨店舗", "橋", "ダム",
            "競馬場", "球場", "スタジアム", "劇場", "美術館", "博物館", "図書館", "病院", "道路", "鉄道路線", "路線", "トンネル",
            "公園", "庭園", "塔", "宿場", "牧場", "出入国検査場");
    private static final List<String> PRODUCT = List.of("シングル", "アルバム", "漫画作品", "漫画", "作品", "映画", "番組",
            "テレビドラマ", "ドラマ", "ゲーム", "ゲームソフト", "ソフトウェア", "ソフトウエア", "小説", "雑誌", "楽曲", "曲",
            "ブランド", "ブランド名", "商品名", "商標", "登録商標", "兵器", "車両", "船", "帆船", "戦艦", "機", "パチスロ機",
            "シリーズ", "アニメ", "テレビアニメ", "ライトノベル", "戯曲", "オペラ", "プログラミング言語", "オペレーティングシステム",
            "ウェブブラウザ", "テキストエディタ", "菓子", "料理", "食品", "医薬品", "サービス", "ウェブサイト", "新聞名");
    private static final List<String> EVENT = List.of("競走", "重賞競走", "大会", "国際大会", "イベント", "祭り", "事件", "戦争",
            "戦い", "反乱", "乱", "レース", "選手権", "博覧会", "会議");
    private static final List<String> ORGANISATION = List.of("企業", "会社", "メーカー", "バンド", "ユニット", "グループ",
            "コンビ", "トリオ", "事務所", "プロダクション", "出版社", "団体", "政党", "組織", "機関", "機構", "銀行", "大学",
            "学校", "球団", "クラブ", "チーム", "レーベル", "劇団", "商社", "百貨店", "新聞", "放送局", "テレビ局", "協会",
            "連盟", "組合", "部隊", "業者", "チェーン", "スーパーマーケット", "財閥", "軍", "省", "庁", "党", "社");
    private static final List<String> PLACE = List.of("コムーネ", "コミューン", "都市", "町", "村", "市", "区", "郡", "州",
            "県", "国", "国家", "自治体", "町村", "地名", "州都", "県都", "首都", "所在地", "地域", "地区", "地方", "島", "山",
            "川", "湖", "火山", "峡谷", "渓谷", "滝", "岬", "半島", "町名", "大字", "郷", "鎮", "街", "港町", "中心地", "諸島",
            "海", "湾", "峠", "盆地", "平野", "河川", "支流", "藩");
    private static final List<String> PERSON = List.of("人物", "人名", "名跡", "王", "皇帝", "皇族", "君主", "将軍", "ファラオ",
            "選手", "歌手", "俳優", "女優", "声優", "画家", "作家", "漫画家", "詩人", "政治家", "家", "者", "師", "手",
            "タレント", "芸人", "アイドル", "ミュージシャン", "ギタリスト", "ベーシスト", "ドラマー", "ドライバー", "レスラー",
            "ゴルファー", "シンガーソングライター", "イラストレータ", "イラストレーター", "アニメータ", "クリエイター",
            "エッセイスト", "ライター", "パーソナリティ", "プロデューサー", "DJ", "ＤＪ", "博士", "女性", "男性", "人",
            "息子", "娘", "宦官", "卒業生", "英雄", "登場人物", "キャラクター", "力士", "棋士", "騎手", "監督", "天皇",
            "大名", "武将", "僧", "一員", "メンバー", "男役", "娘役");

    private static String hypernymKind(String hypernym) {
        switch (hypernym) {
            case "姓":
                return "S";
            case "男性名", "女性名", "名":
                return "G";
            default:
                break;
        }
        for (String end : FACILITY) {
            if (hypernym.endsWith(end)) {
                return "F";
            }
        }
        for (String end : PRODUCT) {
            if (hypernym.endsWith(end)) {
                return "R";
            }
        }
        for (String end : EVENT) {
            if (hypernym.endsWith(end)) {
                return "E";
            }
        }
        for (String end : ORGANISATION) {
            if (hypernym.endsWith(end)) {
                return "O";
            }
        }
        for (String end : PLACE) {
            if (hypernym.endsWith(end)) {
                return "L";
            }
        }
        for (String end : PERSON) {
            if (hypernym.endsWith(end)) {
                return "P";
            }
        }
        return null;
    }
}

package jp.kawaraban.editorial.internal.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bylines as Japanese papers print them. At the top, the dateline {@code 【ワシントン＝山田太郎】}
 * opening the first paragraph; at the end, {@code （山田太郎）} closing the article; anywhere on a
 * line of its own, {@code 文・写真：山田太郎}, {@code 記者 山田太郎} or {@code 山田太郎 記者}.
 */
final class Bylines {

    /**
     * A person's name: kanji family name and kanji, hiragana or katakana given name (written
     * together or apart), a katakana name ({@code ジョン・スミス}), or an agency ({@code 共同}).
     * Strict on purpose, so that closing brackets like （詳細は後日） are not taken for names.
     */
    private static final String NAME = "(?:[\\p{IsHan}々ヶ]{1,4}[ 　]?(?:[\\p{IsHan}々ヶ]{1,4}|\\p{IsHiragana}{2,4}|[\\p{IsKatakana}ー]{2,6})"
            + "|[\\p{IsKatakana}ー]{2,10}(?:・[\\p{IsKatakana}ー]{2,10})?|[\\p{IsHan}]{2,4}|[A-Za-z][A-Za-z. ]{1,30}[A-Za-z])";
    private static final String NAMES = NAME + "(?:[、,，][ 　]?" + NAME + ")*";
    private static final Pattern DATELINE = Pattern.compile("^【([^＝=】]{1,20})[＝=](" + NAMES + ")】\\s*");
    /** A wire story's dateline: 【ジュネーブ共同】, 【ロイター】. */
    private static final Pattern WIRE = Pattern.compile("^【([^＝=】]{0,15}?)(共同|時事|ロイター|AFP時事|AFP|AP|新華社|聯合)】\\s*");
    /** A dateline on a line of its own: 【ワシントン＝山田太郎】 or モスクワ＝鈴木一郎. */
    private static final Pattern DATELINE_LINE = Pattern.compile("^【?([^＝=】]{1,20})[＝=](" + NAMES + ")】?$");
    private static final Pattern CLOSING = Pattern.compile("\\s*[（(](" + NAMES + ")(?:記者)?[）)]\\s*$");
    private static final Pattern WRITTEN_BY = Pattern.compile(
            "^(?:取材・)?(?:文|構成|執筆)(?:・写真|と写真|・撮影)?\\s*[：:／/=＝]\\s*(" + NAMES + ")(?:\\s*[、,].*)?$");
    private static final Pattern TITLE_FIRST = Pattern.compile(
            "^(?:[\\p{IsHan}\\p{IsKatakana}ー]{0,12}(?:支局|総局|本社|部|局))?\\s*(?:記者|編集委員|論説委員|特派員|特別編集委員|カメラマン)[ 　]+(" + NAME + ")$");
    private static final Pattern TITLE_LAST = Pattern.compile(
            "^(?:[\\p{IsHan}\\p{IsKatakana}ー]{0,12}(?:支局|総局|本社|部|局)[ 　]+)?(" + NAME + ")[ 　]*(?:記者|編集委員|論説委員|特派員|特別編集委員)$");
    /** The desk and the name: 「政治部 岡本直樹」「ワシントン支局 山田太郎」. */
    private static final Pattern DESK_FIRST = Pattern.compile(
            "^[\\p{IsHan}\\p{IsKatakana}ー]{1,12}(?:部|支局|総局|局|編集室)[ 　]+(" + NAME + ")$");
    private static final Pattern LABELLED = Pattern.compile("^(?:筆者|著者|執筆者|記者|文|by)\\s*[：:]\\s*(" + NAMES + ")$",
            Pattern.CASE_INSENSITIVE);
    /** Words that sit in closing brackets but are not names: agencies are kept, these are not. */
    private static final List<String> NOT_NAMES = List.of("写真", "画像", "図", "資料", "提供", "撮影", "敬称略", "了", "続く",
            "完", "おわり", "上", "中", "下", "注", "参考", "読み", "仮名", "同", "終わり");

    private Bylines() {
    }

    /** A dateline opening a paragraph: the names, and the paragraph without it. */
    record Dateline(List<String> names, String rest) {
    }

    static Optional<Dateline> dateline(String paragraph) {
        Matcher m = DATELINE.matcher(paragraph);
        if (m.find()) {
            return Optional.of(new Dateline(split(m.group(2)), paragraph.substring(m.end()).strip()));
        }
        Matcher wire = WIRE.matcher(paragraph);
        if (wire.find()) {
            return Optional.of(new Dateline(List.of(wire.group(2)), paragraph.substring(wire.end()).strip()));
        }
        return Optional.empty();
    }

    /** {@code （山田太郎）} closing the last paragraph: the names, and the paragraph without them. */
    static Optional<Dateline> closing(String paragraph) {
        Matcher m = CLOSING.matcher(paragraph);
        if (!m.find()) {
            return Optional.empty();
        }
        List<String> names = split(m.group(1));
        if (names.stream().anyMatch(n -> NOT_NAMES.stream().anyMatch(n::contains))) {
            return Optional.empty();
        }
        return Optional.of(new Dateline(names, paragraph.substring(0, m.start()).strip()));
    }

    /** A line that is only a byline ({@code 文・写真：山田太郎}, {@code 山田太郎 記者}), as the byline to show. */
    static Optional<List<String>> line(String line) {
        String text = line.strip();
        if (text.length() > 40) {
            return Optional.empty();
        }
        for (Pattern pattern : List.of(WRITTEN_BY, LABELLED)) {
            Matcher m = pattern.matcher(text);
            if (m.matches()) {
                return Optional.of(split(m.group(1)));
            }
        }
        Matcher dateline = DATELINE_LINE.matcher(text);
        if (dateline.matches()) {
            return Optional.of(split(dateline.group(2)));
        }
        if (TITLE_FIRST.matcher(text).matches() || TITLE_LAST.matcher(text).matches() || DESK_FIRST.matcher(text).matches()) {
            // The title is part of how the paper credits the writer: 「編集委員 長谷川浩二」.
            return Optional.of(List.of(text.replaceAll("[ 　]+", " ")));
        }
        return Optional.empty();
    }

    /**
     * A name standing alone, as many sites sign an article on its last line: a kanji family
     * name and a given name with a space between them (「高橋 結衣」), or a katakana name with
     * its dot (「エマ・ワトソン」). Without the space or the dot a short line is as likely a
     * heading (「今後の課題」), so it is not taken.
     */
    static boolean bareName(String line) {
        return BARE_NAME.matcher(line.strip()).matches();
    }

    private static final Pattern BARE_NAME = Pattern.compile(
            "^[\\p{IsHan}々ヶ]{1,4}[ 　][\\p{IsHan}々ヶ\\p{IsHiragana}\\p{IsKatakana}ー]{1,4}$|^[\\p{IsKatakana}ー]{2,10}・[\\p{IsKatakana}ー]{2,10}$");

    /** Author names from metadata, cleaned of the 「記者」 and 「文：」 around them. */
    static List<String> clean(List<String> raw) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (String author : raw) {
            if (author == null || author.isBlank()) {
                continue;
            }
            String text = author.strip().replaceAll("\\s+", " ");
            Optional<List<String>> asLine = line(text);
            if (asLine.isPresent()) {
                names.addAll(asLine.get());
            } else if (text.length() <= 40) {
                names.add(text);
            }
        }
        return new ArrayList<>(names);
    }

    private static List<String> split(String names) {
        return Arrays.stream(names.split("[、,，]"))
                .map(name -> name.strip().replaceFirst("[ 　]*記者$", "")).filter(n -> !n.isEmpty()).toList();
    }
}

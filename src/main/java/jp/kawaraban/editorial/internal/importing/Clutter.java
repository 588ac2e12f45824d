package jp.kawaraban.editorial.internal.importing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

/**
 * What surrounds an article on a news page and is no part of it: share and print buttons,
 * log-in and paywall prompts, newsletter boxes, recommendations, related lists, rankings,
 * ads, navigation, footers, comments. Recognised by the names sites give those parts (class,
 * id, role) and, where the markup says nothing (text dumps), by their wording.
 */
final class Clutter {

    /** Tags that never hold article text. */
    static final String NEVER_TEXT = "script, style, noscript, template, iframe, object, embed, svg, canvas, form, button,"
            + " input, select, textarea, nav, aside, dialog, link, meta";

    /** Words in class names and ids (split at spaces, hyphens, underscores and case changes). */
    private static final Set<String> NAMES = Set.of(
            "share", "sharing", "sns", "social", "print", "login", "signin", "signup", "register", "registration",
            "paywall", "subscribe", "subscription", "regwall", "newsletter", "newsletters", "mailmag",
            "related", "relation", "recommend", "recommended", "recommendation", "recommendations",
            "ranking", "rankings", "popular", "pickup", "ad", "ads", "advert", "advertisement", "adsense", "banner",
            "sponsor", "sponsored", "pr", "promo", "promotion", "comment", "comments", "breadcrumb", "breadcrumbs",
            "topicpath", "nav", "navi", "navigation", "menu", "gnav", "footer", "pager", "pagination", "toolbar",
            "follow", "tags", "widget", "sidebar", "modal", "cookie", "consent", "bookmark", "clip",
            "reaction", "reactions", "readmore", "cta", "outbrain", "taboola", "trend", "trending",
            "header", "masthead", "globalnav", "skip");

    /** Whole short lines or paragraphs that are interface, not story. */
    private static final Pattern INTERFACE_LINE = Pattern.compile(
            "^(?:"
                    + "シェア(?:する)?|共有[:：]?|この記事をシェア.*|記事をシェア.*|ツイート|ポスト|いいね！?|はてな(?:ブックマーク)?|はてブ|LINEで送る|LINE|Facebook|X|note|Bluesky|LinkedIn"
                    + "|X\\s*[(（]旧\\s*(?:Twitter|ツイッター)[)）]|Twitter|ツイッター|Threads|Instagram|YouTube|Pocket|Mastodon|Misskey|メール|メニュー|検索"
                    + "|(?:この)?記事を印刷(?:する)?|印刷(?:する)?|メールで送る|URLをコピー|リンクをコピー|コピーしました|保存(?:する)?|記事を保存|フォロー(?:する)?"
                    + "|ログイン(?:する)?|ログインして.*|会員登録(?:する)?|新規登録|無料会員登録.*|有料会員登録.*|ログアウト|マイページ"
                    + "|この記事は(?:有料)?会員限定.*|有料会員限定.*|会員限定記事.*|続きを読む.*|残り\\d+文字.*|全文を読む.*|この続きは.*"
                    + "|.*ニュースレター.*|.*メールマガジン.*|.*メルマガ.*"
                    + "|関連記事|関連ニュース|関連リンク|あわせて読みたい.*|こちらもおすすめ.*|おすすめ(?:記事)?|あなたへのおすすめ.*|注目(?:の)?記事|人気記事.*|ランキング.*|アクセスランキング.*|よく読まれている記事.*|最新ニュース|新着記事"
                    + "|コメント.*|広告|PR|スポンサー.*|トップへ戻る|ページの先頭へ.*|前の記事.*|次の記事.*|TOP|ホーム"
                    + "|Copyright.*|.*無断転載.*|.*All [Rr]ights [Rr]eserved.*|©.*|\\(C\\).*|利用規約.*|プライバシーポリシー.*|お問い合わせ.*|会社概要.*|サイトマップ.*"
                    + ")$");

    /** Phrases that, in a paragraph of any length, mark it as a prompt to log in, pay or sign up. */
    private static final Pattern PROMPT = Pattern.compile(
            "有料会員限定|会員限定です|有料会員になると|会員登録すると|ログインすると|ログインして(?:続き|全文)|続きを読むには|購読手続き|登録（無料）"
                    + "|ニュースレターに登録|メールマガジンに登録|メルマガ登録|無料で登録|今すぐ登録|初月無料|お申し込みはこちら");

    /** Headings after which the rest of a page is interface (related lists, rankings, comments). */
    private static final Pattern ENDS_ARTICLE = Pattern.compile(
            "^(?:関連|関連記事.*|関連情報|関連ニュース|関連リンク|【関連記事】.*|■関連.*|あわせて読みたい.*|こちらもおすすめ.*|おすすめ(?:記事)?|あなたへのおすすめ.*|人気記事.*|ランキング.*|アクセスランキング.*"
                    + "|よく読まれている記事.*|最新ニュース|新着記事|コメント.*|この記事をシェア.*|この記事は(?:有料)?会員限定.*|有料会員限定.*|続きを読むには.*)$");

    private static final Pattern SHARE_BULLET = Pattern.compile("^[•・●○◦▪]\\s*");

    private static final Pattern NAME_SPLIT = Pattern.compile("[\\s_\\-:.]+|(?<=[a-z])(?=[A-Z])");

    private Clutter() {
    }

    /** Whether an element's class, id or role names it as one of the parts around an article. */
    static boolean named(Element element) {
        String role = element.attr("role").toLowerCase(Locale.ROOT);
        if (role.equals("navigation") || role.equals("banner") || role.equals("contentinfo") || role.equals("complementary")
                || role.equals("search") || element.hasAttr("aria-hidden") && element.attr("aria-hidden").equals("true")) {
            return true;
        }
        return hasClutterWord(element.className()) || hasClutterWord(element.id());
    }

    /** Words that name clutter also at the start of a longer name ({@code sharedaddy}, {@code relatedposts}). */
    private static final List<String> PREFIXES = List.of("share", "related", "recommend", "ranking", "newsletter", "paywall",
            "subscri", "breadcrumb", "comment", "advert", "sponsor", "social", "banner", "promo", "mailmag", "pankuzu",
            "topicpath", "taboola", "outbrain");

    private static boolean hasClutterWord(String names) {
        if (names.isBlank()) {
            return false;
        }
        return Arrays.stream(NAME_SPLIT.split(names)).map(word -> word.toLowerCase(Locale.ROOT))
                .anyMatch(word -> NAMES.contains(word) || PREFIXES.stream().anyMatch(word::startsWith));
    }

    /** A line or short paragraph that is a button, a link list's title, a prompt or a footer. */
    static boolean interfaceText(String text) {
        // A share bar copied out of a browser keeps its list bullets: 「• LinkedIn」.
        String line = SHARE_BULLET.matcher(text.strip()).replaceFirst("");
        if (line.isEmpty()) {
            return true;
        }
        if (line.length() <= 60 && INTERFACE_LINE.matcher(line).matches()) {
            return true;
        }
        return line.length() <= 200 && PROMPT.matcher(line).find();
    }

    /** A heading or line after which nothing belongs to the article any more. */
    static boolean endsArticle(String text) {
        String line = text.strip();
        return line.length() <= 40 && ENDS_ARTICLE.matcher(line).matches();
    }

    /** A paywall prompt: the text stops here on the original, and the outlet sells the rest. */
    static boolean paywall(String text) {
        return text.length() <= 200 && Pattern.compile("有料会員限定|会員限定です|続きを読むには|有料会員になると|残り\\d+文字").matcher(text).find();
    }
}

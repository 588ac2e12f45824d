package jp.kawaraban.site;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import jp.kawaraban.KawarabanTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The editors' desk in a real (headless) Chromium: an editor writes an article, watches the
 * preview follow the typing, adds a proposed keyword with one click, publishes it, and then
 * publishes an update; a reader sees the article with its update line. Skipped when Chromium
 * is not installed (see {@link Chromium}). Leaves screenshots in {@code target/screenshots/}.
 */
@KawarabanTest
class DeskInBrowserTest extends InBrowser {

    @LocalServerPort
    int port;

    /** A small PNG, drawn here so no binary file sits in the repository. */
    private static byte[] png() {
        var image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException impossible) {
            throw new java.io.UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    @Test
    void anEditorWritesPreviewsPublishesAndUpdatesAnArticle() {
        String base = "http://localhost:" + port;
        String articleUrl;
        try (BrowserContext context = newContext(base)) {
            Page page = context.newPage();
            List<String> problems = Chromium.watchForProblems(page, base);
            logIn(page, "editor@example.com");
            Chromium.assertOk(page.navigate("/editor/articles"), "/editor/articles");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("新しい記事")).click();

            page.locator("#f-headline").fill("港の朝市、半世紀ぶりに復活");
            page.locator("#f-lead").fill("港町の朝市が、地元の漁協と商店会の手で半世紀ぶりに復活した。");
            page.locator("#f-body").fill("朝市は毎週日曜に開く。\n\n## 初日の様子\n\n- 鮮魚の店が12軒\n- 野菜の店が8軒");
            page.locator("#f-bylines").fill("地域報道部 試験二郎");
            page.locator("select[name=section]").selectOption("society");
            // a figure uploaded from the editor goes into the body and the preview
            page.locator("[data-figure-file]").setInputFiles(new FilePayload("asaichi.png", "image/png", png()));
            page.locator("[data-figure-caption]").fill("復活した朝市のにぎわい");
            page.locator("[data-figure-credit]").fill("試験撮影");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("アップロードして本文に入れる")).click();
            assertThat(page.locator("[data-figure-status]")).hasText("図を本文のカーソルの位置に入れました。");
            assertThat(page.locator("#f-body")).hasValue(java.util.regex.Pattern.compile("!\\[復活した朝市のにぎわい]\\([a-z0-9-]+ \"試験撮影\"\\)"));
            assertThat(page.locator("#preview figure img")).hasAttribute("src", java.util.regex.Pattern.compile("^/images/"));
            // the preview follows the typing, rendered like the reading page
            assertThat(page.locator("#preview h1.headline")).hasText("港の朝市、半世紀ぶりに復活");
            assertThat(page.locator("#preview .article-body h2.subheading")).hasText("初日の様子");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("下書きを作成")).click();
            assertThat(page.locator(".notice-info")).hasText("下書きを作成しました。");
            assertThat(page.locator(".desk-status .stage")).hasText("下書き");

            // a proposed keyword goes into the field with one click
            Locator proposed = page.locator(".proposed-keywords button").first();
            String keyword = proposed.getAttribute("data-add-keyword");
            proposed.click();
            assertThat(page.locator("#f-keywords")).hasValue(keyword); // the field was empty

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("今すぐ公開")).click();
            // publishing cannot be taken back: the desk asks once more
            assertThat(page.locator(".confirm-box")).containsText("いますぐ公開します");
            page.locator(".confirm-box button.confirm").click();
            assertThat(page.locator(".notice-info")).hasText("記事を公開しました。");
            assertThat(page.locator(".desk-status .stage")).hasText("公開中");
            articleUrl = page.locator(".desk-status a").getAttribute("href");

            page.locator("#f-lead").fill("港町の朝市が、地元の漁協と商店会の手で52年ぶりに復活した。");
            page.locator("#f-note").fill("何年ぶりかを「52年ぶり」と確かめました。");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("更新として公開")).click();
            assertThat(page.locator(".notice-info")).hasText(java.util.regex.Pattern.compile("更新を公開しました"));
            assertThat(page.locator(".desk-revisions li")).hasCount(2);
            Chromium.screenshot(page, "desk-editor.png");
            assertEquals(List.of(), problems, "no script errors or failed requests on the desk");
        }

        try (BrowserContext context = newContext(base)) {
            Page page = context.newPage();
            Chromium.assertOk(page.navigate(articleUrl), articleUrl);
            assertThat(page.locator("h1.headline")).hasText("港の朝市、半世紀ぶりに復活");
            assertThat(page.locator(".lead")).hasText("港町の朝市が、地元の漁協と商店会の手で52年ぶりに復活した。");
            assertThat(page.locator(".update-note")).containsText("何年ぶりかを「52年ぶり」と確かめました。");
            assertThat(page.locator("time.updated")).isVisible();
            Chromium.screenshot(page, "desk-reader.png");
        }
    }
}

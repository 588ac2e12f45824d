package jp.kawaraban.editorial.internal.figures;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jp.kawaraban.editorial.FigureRefusedException;
import jp.kawaraban.editorial.FigureRefusedException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What survives of an uploaded SVG: the drawing, never anything that runs or loads. */
class SvgSanitizerTest {

    private static final String OPEN = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"640\" height=\"400\" viewBox=\"0 0 640 400\">";

    private static String clean(String svg) {
        return new String(SvgSanitizer.sanitize(svg.getBytes(StandardCharsets.UTF_8)).bytes(), StandardCharsets.UTF_8);
    }

    private static Reason refusal(String svg) {
        try {
            SvgSanitizer.sanitize(svg.getBytes(StandardCharsets.UTF_8));
        } catch (FigureRefusedException e) {
            return e.reason();
        }
        throw new AssertionError("not refused: " + svg);
    }

    @Test
    void aChartKeepsItsShapesTextAndSize() {
        var result = SvgSanitizer.sanitize((OPEN + "<title>コメの平均価格</title><rect x=\"0\" y=\"0\" width=\"10\" height=\"20\" fill=\"#fff\"/>"
                + "<text x=\"5\" y=\"5\" font-size=\"12\" text-anchor=\"end\">5,000円</text></svg>").getBytes(StandardCharsets.UTF_8));
        String svg = new String(result.bytes(), StandardCharsets.UTF_8);
        assertThat(svg).contains("<title>コメの平均価格</title>", "<rect", "fill=\"#fff\"", ">5,000円</text>",
                "xmlns=\"http://www.w3.org/2000/svg\"", "viewBox=\"0 0 640 400\"");
        assertThat(result.width()).isEqualTo(640);
        assertThat(result.height()).isEqualTo(400);
    }

    @Test
    void theDemoChartsComeThroughWithEveryShape() throws IOException {
        for (String name : new String[]{"rice-price-2025.svg", "wakaba-turnout.svg", "phishing-reports-2025.svg",
                "us-russia-talks-2025-timeline.svg"}) {
            byte[] original;
            try (InputStream in = getClass().getResourceAsStream("/demo/figures/" + name)) {
                original = in.readAllBytes();
            }
            String before = new String(original, StandardCharsets.UTF_8);
            String after = new String(SvgSanitizer.sanitize(original).bytes(), StandardCharsets.UTF_8);
            for (String element : new String[]{"<rect", "<line", "<text", "<circle", "<polyline", "<title"}) {
                assertThat(count(after, element)).as(name + " " + element).isEqualTo(count(before, element));
            }
        }
    }

    @Test
    void scriptsAndForeignObjectsAreDropped() {
        String svg = clean(OPEN + "<script>alert(1)</script><script xlink:href=\"https://evil.example/x.js\"/>"
                + "<foreignObject width=\"10\" height=\"10\"><body xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(2)</script></body></foreignObject>"
                + "<circle cx=\"1\" cy=\"1\" r=\"1\"/></svg>");
        assertThat(svg).doesNotContain("script", "alert", "foreignObject", "xhtml", "evil").contains("<circle");
    }

    @Test
    void eventHandlersAreDroppedWhateverTheirCase() {
        String svg = clean(OPEN.replace("<svg ", "<svg onload=\"alert(1)\" ")
                + "<rect width=\"1\" height=\"1\" onclick=\"alert(2)\" ONMOUSEOVER=\"alert(3)\" onBegin=\"alert(4)\"/></svg>");
        assertThat(svg).doesNotContainIgnoringCase("onload").doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("onmouseover").doesNotContain("alert").contains("<rect");
    }

    @Test
    void onlyReferencesInsideTheFileSurvive() {
        String svg = clean(OPEN + "<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"red\"/></linearGradient>"
                + "<path id=\"p\" d=\"M0 0 L1 1\"/></defs>"
                + "<use href=\"#p\"/><use xlink:href=\"#p\" x=\"2\"/>"
                + "<use href=\"javascript:alert(1)\"/><use xlink:href=\"JaVaScRiPt:alert(2)\"/>"
                + "<use href=\"https://evil.example/sprites.svg#p\"/><use href=\"data:image/svg+xml;base64,PHN2Zz4=\"/>"
                + "<a href=\"javascript:alert(3)\"><rect width=\"1\" height=\"1\" fill=\"url(#g)\"/></a>"
                + "<rect width=\"2\" height=\"2\" fill=\"url(https://evil.example/track.svg#g)\"/>"
                + "<image href=\"https://evil.example/pixel.png\" width=\"1\" height=\"1\"/></svg>");
        assertThat(svg).doesNotContain("javascript", "JaVaScRiPt", "evil.example", "data:", "<a", "<image")
                .contains("<use href=\"#p\"/>", "xlink:href=\"#p\"", "fill=\"url(#g)\"", "<linearGradient");
        assertThat(count(svg, "<rect")).as("the link's rectangle stays, unlinked").isEqualTo(2);
    }

    @Test
    void stylesThatLoadOrRunAnythingAreDropped() {
        String svg = clean(OPEN + "<rect width=\"1\" height=\"1\" style=\"fill:url(https://evil.example/x)\"/>"
                + "<rect width=\"1\" height=\"1\" style=\"width:expression(alert(1))\"/>"
                + "<rect width=\"1\" height=\"1\" style=\"fill:#c00;stroke:none\"/>"
                + "<style>@import url(https://evil.example/a.css);</style><style>.bar{fill:#06c}</style></svg>");
        assertThat(svg).doesNotContain("evil.example", "expression", "@import").contains("style=\"fill:#c00;stroke:none\"",
                ".bar{fill:#06c}");
        assertThat(count(svg, "<rect")).isEqualTo(3);
    }

    @Test
    void processingInstructionsCommentsAndAnimationAreDropped() {
        String svg = clean("<?xml version=\"1.0\"?><?xml-stylesheet href=\"https://evil.example/a.css\"?>" + OPEN
                + "<!-- secret --><rect width=\"1\" height=\"1\"><set attributeName=\"onclick\" to=\"alert(1)\"/>"
                + "<animate attributeName=\"href\" values=\"javascript:alert(2)\"/></rect></svg>");
        assertThat(svg).doesNotContain("xml-stylesheet", "evil", "secret", "<set", "<animate", "alert");
    }

    @Test
    void otherNamespacesAreDropped() {
        String svg = clean(OPEN.replace("<svg ", "<svg xmlns:x=\"urn:x\" x:evil=\"1\" xml:base=\"https://evil.example/\" ")
                + "<x:script>alert(1)</x:script><rect width=\"1\" height=\"1\" x:onclick=\"alert(2)\"/></svg>");
        assertThat(svg).doesNotContain("urn:x", "evil", "alert");
    }

    @Test
    void aDoctypeOrEntityIsRefused(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        assertThat(refusal("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + OPEN + "<text>&xxe;</text></svg>")).isEqualTo(Reason.SVG_UNREADABLE);
        assertThat(refusal("<!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + OPEN + "<text>&b;</text></svg>")).isEqualTo(Reason.SVG_UNREADABLE);
        // Spelled in UTF-16 the quick look misses the DOCTYPE; the parser still refuses it.
        byte[] utf16 = ("<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM \"" + secret.toUri()
                + "\">]>" + OPEN + "<text>&xxe;</text></svg>").getBytes(StandardCharsets.UTF_16);
        assertThatThrownBy(() -> SvgSanitizer.sanitize(utf16)).isInstanceOf(FigureRefusedException.class)
                .extracting(e -> ((FigureRefusedException) e).reason()).isEqualTo(Reason.SVG_UNREADABLE);
    }

    @Test
    void whatIsNotAnSvgDrawingIsRefused() {
        assertThat(refusal("<html><body>hello</body></html>")).isEqualTo(Reason.SVG_NOT_A_DRAWING);
        assertThat(refusal("<svg xmlns=\"urn:not-svg\"><rect/></svg>")).isEqualTo(Reason.SVG_NOT_A_DRAWING);
        assertThat(refusal(OPEN + "<script>alert(1)</script><title>only a title</title></svg>")).isEqualTo(Reason.SVG_NOT_A_DRAWING);
        assertThat(refusal("<svg><rect></svg>")).isEqualTo(Reason.SVG_UNREADABLE);
        assertThat(refusal(OPEN + "<g>".repeat(80) + "<rect/>" + "</g>".repeat(80) + "</svg>")).isEqualTo(Reason.SVG_TOO_COMPLEX);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}

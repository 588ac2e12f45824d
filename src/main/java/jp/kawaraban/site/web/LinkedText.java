package jp.kawaraban.site.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.kawaraban.article.InlineText;
import jp.kawaraban.site.BodyLinks;

/**
 * A text of the body as the page shows it: its own links ({@code [label](address)}) and the
 * links the page adds ({@link BodyLinks}: entity names), as runs the template escapes one by one.
 *
 * @param links what the page adds, by text; texts not in it (a paragraph the preview cut short)
 *              get none
 */
public record LinkedText(Map<String, List<BodyLinks.Span>> links) {

    public static final LinkedText NONE = new LinkedText(Map.of());

    /**
     * A run of text; {@code href} null for plain text.
     *
     * @param added a link the page added (an entity name), not one the editors wrote
     */
    public record Run(String text, String href, boolean added) {

        public boolean isLink() {
            return href != null;
        }

        public boolean isExternal() {
            return href != null && !href.startsWith("/");
        }
    }

    public List<Run> runs(String text) {
        List<InlineText.Part> parts = InlineText.parts(text);
        List<BodyLinks.Span> spans = links.getOrDefault(text, List.of());
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            InlineText.Part part = parts.get(i);
            if (part.isLink()) {
                runs.add(new Run(part.text(), part.href(), false));
                continue;
            }
            int at = 0;
            for (BodyLinks.Span span : spans) {
                if (span.run() != i || span.start() < at || span.end() > part.text().length() || span.start() >= span.end()) {
                    continue; // another run's, or one that no longer fits the text
                }
                if (span.start() > at) {
                    runs.add(new Run(part.text().substring(at, span.start()), null, false));
                }
                runs.add(new Run(part.text().substring(span.start(), span.end()), span.href(), true));
                at = span.end();
            }
            if (at < part.text().length()) {
                runs.add(new Run(part.text().substring(at), null, false));
            }
        }
        return runs;
    }
}

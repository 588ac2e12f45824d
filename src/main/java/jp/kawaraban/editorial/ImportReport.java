package jp.kawaraban.editorial;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;
import jp.kawaraban.article.Block;

/**
 * One file's line in the import command's output, the same whether the command ran the
 * import itself or asked the running site:
 * {@code {"file", "headline", "subheadline", "byline", "publishedAt", "updatedAt", "sourceUrl", "blocks", "warnings"}},
 * plus {@code "id"} when stored, {@code "duplicateOf"} when imported before, {@code "error"} when
 * the file could not be made an article. Dates are ISO-8601 with their offset.
 */
public record ImportReport(@JsonValue Map<String, Object> fields) {

    public ImportReport {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    static ImportReport of(String file, ImportOutcome outcome, List<String> warnings) {
        ImportedPage page = outcome.page();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", file);
        json.put("headline", page.headline());
        json.put("subheadline", page.subheadline());
        json.put("byline", String.join("、", page.bylines()));
        json.put("publishedAt", page.publishedAt() == null ? null : page.publishedAt().toString());
        json.put("updatedAt", page.updatedAt() == null ? null : page.updatedAt().toString());
        json.put("source", page.sourceName());
        json.put("sourceUrl", page.sourceUrl() == null ? null : page.sourceUrl().toString());
        json.put("section", page.sectionCode());
        json.put("access", page.accessLevel().name().toLowerCase(java.util.Locale.ROOT));
        json.put("lead", page.lead());
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (Block block : page.blocks()) {
            Map<String, Object> one = new LinkedHashMap<>();
            switch (block) {
                case Block.Heading h -> {
                    one.put("type", "heading");
                    one.put("text", h.text());
                }
                case Block.UnorderedList l -> {
                    one.put("type", "list");
                    one.put("items", l.items());
                }
                case Block.OrderedList l -> {
                    one.put("type", "list");
                    one.put("items", l.items());
                }
                default -> {
                    one.put("type", "paragraph");
                    one.put("text", block.plainText());
                }
            }
            blocks.add(one);
        }
        json.put("blocks", blocks);
        json.put("warnings", warnings);
        if (outcome.stored() != null) {
            json.put("id", outcome.stored().value());
            json.put("status", outcome.mode() == ImportMode.PUBLISH ? "published" : "draft");
        }
        if (outcome.duplicateOf() != null) {
            json.put("duplicateOf", outcome.duplicateOf().value());
        }
        return new ImportReport(json);
    }

    static ImportReport failed(String file, String error, ImportException.Problem problem) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", file);
        json.put("error", error);
        json.put("errorCode", problem == null ? "FAILED" : problem.name());
        return new ImportReport(json);
    }

    /** Whether the file's article is in the database now (stored, or stored before), or a dry run read it. */
    public boolean imported() {
        return !fields.containsKey("error");
    }

    public String file() {
        return (String) fields.get("file");
    }
}

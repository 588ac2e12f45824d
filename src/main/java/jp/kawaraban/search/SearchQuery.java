package jp.kawaraban.search;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jp.kawaraban.article.AccessLevel;

/**
 * A reader's search: free text (never parsed as query syntax), optional filters, order and
 * page. {@code fullTextLevels} are the access levels whose body this reader may see in
 * snippets; other hits are shown with snippets from their preview. {@code textEntities}:
 * when the text is nothing but names of known entities, articles mentioning all of them
 * match too, whatever spelling or alias they use (キエフ finds キーウ).
 */
public record SearchQuery(String text, List<String> textEntities, String sectionCode, String seriesCode,
                          String entityId, Instant from, Instant until, Order order, int page, int size,
                          Set<AccessLevel> fullTextLevels) {

    public enum Order { RELEVANCE, NEWEST }

    public SearchQuery {
        text = text == null ? "" : text.strip();
        textEntities = textEntities == null ? List.of() : List.copyOf(textEntities);
        order = order == null ? Order.RELEVANCE : order;
        if (page < 1 || size < 1 || size > 100) {
            throw new IllegalArgumentException("page from 1, size 1 to 100");
        }
        fullTextLevels = fullTextLevels == null ? Set.of(AccessLevel.FREE) : Set.copyOf(fullTextLevels);
    }

    public int offset() {
        return (page - 1) * size;
    }
}

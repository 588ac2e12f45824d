package jp.kawaraban.search.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.kawaraban.article.Article;
import jp.kawaraban.article.Block;
import jp.kawaraban.article.InlineText;
import jp.kawaraban.search.Entities;
import jp.kawaraban.site.BodyLinks;
import jp.kawaraban.text.Mention;
import jp.kawaraban.text.MentionFinder;
import org.springframework.stereotype.Component;

/**
 * The first mention of each entity of the vocabulary in an article's body links to its page
 * ({@code /entities/{id}}), as newspapers link a name the first time it appears and not on
 * every line. Found with the same finder that indexes mentions, so a spelling variant counts
 * (ウィトコフ for ウィットコフ). Paragraphs, quotes and list items only: a heading or a
 * caption stays as set, and a name inside the editors' own link keeps their link. The page
 * keeps the answer per article ({@code SharedArticleData}), so the body is read once.
 */
@Component
class EntityNamesInBodies implements BodyLinks {

    private final Entities entities;

    EntityNamesInBodies(Entities entities) {
        this.entities = entities;
    }

    @Override
    public Map<String, List<Span>> linksFor(Article article) {
        MentionFinder finder = entities.finder();
        Set<String> linked = new HashSet<>();
        Map<String, List<Span>> links = new LinkedHashMap<>();
        for (Block block : article.content().body().blocks()) {
            List<String> texts = switch (block) {
                case Block.Paragraph p -> List.of(p.text());
                case Block.Quote q -> List.of(q.text());
                case Block.OrderedList l -> l.items();
                case Block.UnorderedList l -> l.items();
                case Block.Heading h -> List.of();
                case Block.Figure f -> List.of();
            };
            for (String text : texts) {
                List<Span> spans = firstMentions(text, finder, linked);
                if (!spans.isEmpty()) {
                    links.merge(text, spans, (first, again) -> first); // the same text twice: its first place counts
                }
            }
        }
        return links;
    }

    private static List<Span> firstMentions(String text, MentionFinder finder, Set<String> linked) {
        List<Span> spans = new ArrayList<>();
        List<InlineText.Part> runs = InlineText.parts(text);
        for (int run = 0; run < runs.size(); run++) {
            if (runs.get(run).isLink()) {
                continue;
            }
            for (Mention mention : finder.find(runs.get(run).text())) {
                if (linked.add(mention.entityId())) {
                    spans.add(new Span(run, mention.start(), mention.end(), "/entities/" + mention.entityId()));
                }
            }
        }
        return spans;
    }
}

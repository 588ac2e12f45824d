package jp.kawaraban.editorial;

import java.util.List;

import jp.kawaraban.text.Candidate;
import jp.kawaraban.text.Entity;

/**
 * What the {@code text} module proposes for a manuscript; the editor confirms.
 *
 * @param keywords   keywords not chosen yet, strongest first
 * @param mentioned  vocabulary entities the text names (any spelling); readers can follow them
 * @param candidates names that look like people, organisations or places the vocabulary lacks
 */
public record Proposals(List<String> keywords, List<Entity> mentioned, List<Candidate> candidates) {
}

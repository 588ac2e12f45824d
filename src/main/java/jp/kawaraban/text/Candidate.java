package jp.kawaraban.text;

import java.util.Objects;

/**
 * A name {@link EntityCandidates} proposes to editors as a new entity.
 *
 * @param surface     the name as most often written in the text
 * @param likelyKind  the kind the evidence points to; {@code null} when nothing does
 *                    (a katakana word IPADIC does not know, with no title or suffix)
 * @param evidence    why it was proposed, strongest reason first, e.g.
 *                    {@code "before 特使; katakana word unknown to IPADIC"}
 * @param occurrences how many times the name (or a katakana spelling variant of it) occurs
 */
public record Candidate(String surface, EntityKind likelyKind, String evidence, int occurrences) {

    public Candidate {
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(evidence, "evidence");
    }
}

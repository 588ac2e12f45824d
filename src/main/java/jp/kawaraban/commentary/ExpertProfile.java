package jp.kawaraban.commentary;

import java.time.Instant;

import jp.kawaraban.member.MemberId;

/**
 * How an expert signs their commentary.
 *
 * @param title    title and affiliation, e.g. 「国際政治学者・東都大学教授」; may be empty
 * @param initials one or two characters shown in a coloured circle instead of a photo
 */
public record ExpertProfile(MemberId expert, String displayName, String title, String bio, String initials,
                            Instant updatedAt) {

    public static final int MAX_NAME = 40;
    public static final int MAX_TITLE = 80;
    public static final int MAX_BIO = 600;
    public static final int MAX_INITIALS = 2;

    /** Which of six circle colours the initials get: fixed per expert. */
    public int colour() {
        return Math.floorMod(expert.value().hashCode(), 6);
    }
}

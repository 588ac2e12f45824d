package jp.kawaraban.newsletter;

import jp.kawaraban.member.MemberPrincipal;

/**
 * Marks an article as one readers may unlock by email, or takes the mark away, for an editor
 * at the newsletter desk. The editors' desk implements it, so that the change is recorded in
 * its audit log just as when the editor sets it on the article's own page: {@code editorial}
 * depends on this module, so the newsletter desk cannot call it directly.
 */
public interface EmailUnlockMarking {

    /**
     * @param article the article's id as the editor typed it
     * @return false when no published article has this id; nothing changed then
     */
    boolean setEligible(String article, boolean eligible, MemberPrincipal editor);
}

package jp.kawaraban.editorial.web;

import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.ArticleNotFoundException;
import jp.kawaraban.editorial.EditorsDesk;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.newsletter.EmailUnlockMarking;
import org.springframework.stereotype.Component;

/**
 * The newsletter desk's email-unlock switch, made through {@link EditorsDesk#setEmailUnlock}
 * like the one on the article editor's page, so that both are in the audit log.
 */
@Component
class DeskEmailUnlockMarking implements EmailUnlockMarking {

    private final EditorsDesk desk;

    DeskEmailUnlockMarking(EditorsDesk desk) {
        this.desk = desk;
    }

    @Override
    public boolean setEligible(String article, boolean eligible, MemberPrincipal editor) {
        String id = article == null ? "" : article.strip();
        if (!ArticleId.isWellFormed(id)) {
            return false;
        }
        try {
            desk.setEmailUnlock(new ArticleId(id), eligible, DeskActors.of(editor));
            return true;
        } catch (ArticleNotFoundException unknown) {
            return false;
        }
    }
}

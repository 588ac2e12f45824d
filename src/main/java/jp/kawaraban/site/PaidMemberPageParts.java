package jp.kawaraban.site;

import jp.kawaraban.member.MemberId;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * For an {@link ArticlePageExtension} whose parts differ from one paid member to another
 * (follow and save state, the CSRF token in their forms): makes them for a member known by id,
 * outside Spring Security. The paid members' article page is then rendered once per article
 * with these parts left as places to fill, and each paid member's request fills them from this
 * (decision 0042). An extension that does not implement it must add nothing that differs
 * between paid members (no name, no count of their own), or the first one's would be shown to
 * the others.
 */
public interface PaidMemberPageParts {

    /**
     * What {@link ArticlePageExtension#partsFor} gives {@code member}, a member with no role but
     * {@code MEMBER} and with paid access, whose forms carry {@code csrf}: the same slots and
     * figures, in the same order. Reads nothing of the security context or the session.
     */
    ArticlePageParts partsForPaidMember(ArticlePage page, MemberId member, CsrfToken csrf);
}

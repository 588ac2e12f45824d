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
 * <p>
 * The parts are made in two steps so that they need not be rendered on every request (decision
 * 0045): {@link #paidMemberState} says, cheaply, what of the member they depend on; the page from
 * memory keeps the parts rendered for each state seen on that article (with the token left as a
 * place) and renders them with {@link #partsForPaidMember} only for a state it has not seen.
 */
public interface PaidMemberPageParts {

    /**
     * What of {@code member} (a member with no role but {@code MEMBER}, with paid access) the
     * parts on this page depend on: a value with {@code equals} and {@code hashCode}, equal for two
     * members exactly when {@link #partsForPaidMember} would give them the same parts. Called for
     * every page sent from memory, so it may note the view (My News's read mark). Reads nothing of
     * the security context or the session.
     */
    Object paidMemberState(ArticlePage page, MemberId member);

    /**
     * What {@link ArticlePageExtension#partsFor} gives a paid member whose {@link #paidMemberState}
     * is {@code state} and whose forms carry {@code csrf}: the same slots and figures, in the same
     * order. Made from {@code state} and the page alone, nothing else of the member.
     */
    ArticlePageParts partsForPaidMember(ArticlePage page, Object state, CsrfToken csrf);
}

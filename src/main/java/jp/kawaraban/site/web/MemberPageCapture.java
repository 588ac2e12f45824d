package jp.kawaraban.site.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import gg.jte.Content;
import jakarta.servlet.http.HttpServletRequest;
import jp.kawaraban.access.ReadingAccess;
import jp.kawaraban.member.MemberId;
import jp.kawaraban.site.ArticlePage;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A paid member's article page rendered by the normal chain so that {@link MemberPages} may keep
 * it: set on the request by that filter, filled in by {@link SitePages} when the reader turns out
 * to be a member with no role but {@code MEMBER} and with paid access. Their per-member parts are
 * then written between marks (HTML comments holding this node's random nonce, which no article
 * text can carry: text is escaped, and sanitised bodies keep no comments), so the page can be cut
 * into a template afterwards; the marks are taken out before the page is sent.
 */
final class MemberPageCapture {

    static final String ATTRIBUTE = MemberPageCapture.class.getName();
    static final String MARK_CLOSE = "-->";

    private final String nonce;
    private final List<String> places = new ArrayList<>();
    private MemberId member;
    private String sessionId;
    private Instant sessionExpires;
    private Instant paidUntil;
    private ArticlePage page;

    MemberPageCapture(String nonce) {
        this.nonce = nonce;
    }

    static MemberPageCapture current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            return request.getAttribute(ATTRIBUTE) instanceof MemberPageCapture capture ? capture : null;
        }
        return null;
    }

    /**
     * The reader is a paid member whose page may be kept; their session and paid access as read
     * now, and the page as every paid member's parts are made for it.
     */
    void paidMember(MemberId member, String sessionId, Instant sessionExpires, Instant paidUntil, ArticlePage page) {
        this.page = new ArticlePage(page.article(), ReadingAccess.granted(), page.canonicalUrl());
        this.member = member;
        this.sessionId = sessionId;
        this.sessionExpires = sessionExpires;
        this.paidUntil = paidUntil;
    }

    boolean isPaidMember() {
        return member != null;
    }

    /** {@code content} between marks naming {@code place}. */
    Content marked(String place, Content content) {
        int index = places.size();
        places.add(place);
        return output -> {
            output.writeContent(startMark() + index + MARK_CLOSE);
            content.writeTo(output);
            output.writeContent(endMark(index));
        };
    }

    String startMark() {
        return "<!--kwb-" + nonce + "-s";
    }

    String endMark(int index) {
        return "<!--kwb-" + nonce + "-e" + index + MARK_CLOSE;
    }

    List<String> places() {
        return places;
    }

    MemberId member() {
        return member;
    }

    String sessionId() {
        return sessionId;
    }

    Instant sessionExpires() {
        return sessionExpires;
    }

    Instant paidUntil() {
        return paidUntil;
    }

    ArticlePage page() {
        return page;
    }
}

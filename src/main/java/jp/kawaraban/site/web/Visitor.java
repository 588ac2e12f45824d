package jp.kawaraban.site.web;

import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.member.Role;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * Who is looking, as the page header needs it: a member's name and the log-out form's CSRF
 * token, or nobody. Anonymous pages get no token, so they open no session and stay cacheable.
 */
public record Visitor(MemberPrincipal member, CsrfToken csrf) {

    public static final Visitor ANONYMOUS = new Visitor(null, null);

    public boolean loggedIn() {
        return member != null;
    }

    public boolean editor() {
        return member != null && (member.has(Role.EDITOR) || member.has(Role.ADMIN));
    }
}

package jp.kawaraban.access;

import java.util.EnumSet;
import java.util.Set;

import jp.kawaraban.member.MemberId;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.member.Role;

/** Who is asking: an anonymous reader, or a member with their roles. */
public record Reader(MemberId member, Set<Role> roles) {

    public Reader {
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Reader anonymous() {
        return new Reader(null, Set.of());
    }

    public static Reader of(MemberPrincipal principal) {
        return principal == null ? anonymous() : new Reader(principal.id(), principal.roles());
    }

    /** The reader of the current request. */
    public static Reader current() {
        return MemberPrincipal.current().map(Reader::of).orElse(anonymous());
    }

    public boolean isAnonymous() {
        return member == null;
    }

    /** Experts, editors and administrators read everything: they comment on and edit it. */
    public boolean isStaff() {
        return roles.contains(Role.EXPERT) || roles.contains(Role.EDITOR) || roles.contains(Role.ADMIN);
    }
}

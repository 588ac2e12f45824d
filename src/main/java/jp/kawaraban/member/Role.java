package jp.kawaraban.member;

/**
 * What an account may do besides reading. Every account is a {@link #MEMBER}; the others are
 * granted by an administrator. Whether a member has <em>paid</em> is not a role: that is a
 * subscription, decided by {@code access}.
 */
public enum Role {
    MEMBER, EXPERT, EDITOR, ADMIN;

    /** The name Spring Security checks, e.g. {@code ROLE_EDITOR}. */
    public String authority() {
        return "ROLE_" + name();
    }
}

package jp.kawaraban.member;

/** What a mailed one-use link does. */
public enum LinkPurpose {
    VERIFY_EMAIL, RESET_PASSWORD, CHANGE_EMAIL
}

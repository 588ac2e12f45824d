package jp.kawaraban.member;

/** An account was deleted at its owner's request; other modules drop what they keep about it. */
public record MemberDeleted(MemberId member) {
}

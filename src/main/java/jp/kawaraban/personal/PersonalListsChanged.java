package jp.kawaraban.personal;

import jp.kawaraban.member.MemberId;
import jp.kawaraban.platform.OneMembersEvent;

/**
 * A member followed or unfollowed something, saved or removed an article or a figure. Every
 * node forgets the lists it keeps of that member, so the member's next page on any node shows
 * the change.
 */
public record PersonalListsChanged(MemberId member) implements OneMembersEvent {
}

package jp.kawaraban.newsletter;

import java.time.Instant;
import java.util.List;

/** One issue of a newsletter: the picks with the editor's line for each, and where it stands. */
public record Issue(long id, String newsletter, String subject, State state, Instant sendAt, List<Item> items) {

    public enum State { DRAFT, SCHEDULED, SENDING, SENT }

    /** A picked article and the editor's line about it. */
    public record Item(String articleId, String note) {
    }

    public Issue {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean editable() {
        return state == State.DRAFT || state == State.SCHEDULED;
    }
}

package jp.kawaraban.platform;

/**
 * An event the other application nodes hear of too, because they keep something for themselves
 * that depends on it (a page cache, the section navigation, an embedded search index).
 * <p>
 * When such an event is published in a transaction, the commit also tells every other node
 * connected to the same PostgreSQL (a {@code NOTIFY}, sent only if the transaction commits);
 * each of them republishes it as {@link FromAnotherNode}. Listeners of the event itself run on
 * the node that made the change only, as before: a listener that writes shared state (rows,
 * mails) keeps doing it once. A listener that keeps node-local state listens to
 * {@code FromAnotherNode<TheEvent>} as well, and to {@link NodeEventsMissed}
 * (docs/decisions/0030).
 * <p>
 * The event travels as JSON (the same Jackson mapping as the event publication registry's), and
 * must stay under PostgreSQL's 8000-byte limit for a notification; a larger one is sent as
 * {@link NodeEventsMissed} instead, so the other nodes catch up from the database.
 */
public interface NodeWideEvent {
}

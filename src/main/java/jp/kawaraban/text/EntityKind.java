package jp.kawaraban.text;

/** What an {@link Entity} is: a person, an organisation or a place. */
public enum EntityKind {
    PERSON,
    ORGANIZATION,
    PLACE
}

package jp.kawaraban.text;

/**
 * What a name {@link EntityRecognizer} finds stands for. The first three are the kinds of the
 * vocabulary ({@link EntityKind}); facilities, products and events are recognised so that they
 * are not taken for one of those (東京駅 is not the place 東京), but the vocabulary has no
 * entities of theirs.
 */
public enum NameKind {
    PERSON,
    ORGANIZATION,
    PLACE,
    FACILITY,
    PRODUCT,
    EVENT;

    /** The vocabulary's kind for this one, or {@code null} for facilities, products and events. */
    public EntityKind entityKind() {
        return switch (this) {
            case PERSON -> EntityKind.PERSON;
            case ORGANIZATION -> EntityKind.ORGANIZATION;
            case PLACE -> EntityKind.PLACE;
            default -> null;
        };
    }
}

package jp.kawaraban.setup;

import jp.kawaraban.platform.Refusal;

/** Why setup or a settings change stored nothing: the input, or an installation already set up. */
public class SetupRefusal extends Refusal {

    private final String field;

    private SetupRefusal(Kind kind, String field, String messageKey, Object... arguments) {
        super(kind, messageKey, arguments);
        this.field = field;
    }

    static SetupRefusal invalid(String field, String messageKey, Object... arguments) {
        return new SetupRefusal(Kind.INVALID, field, messageKey, arguments);
    }

    static SetupRefusal alreadySetUp() {
        return new SetupRefusal(Kind.CONFLICT, null, "setup.error.alreadySetUp");
    }

    /** {@code /setup} asked for from another machine without the code. */
    public static final class NotHere extends SetupRefusal {

        public NotHere() {
            super(Kind.FORBIDDEN, null, "setup.error.notHere");
        }

        @Override
        public String code() {
            return "setup-from-elsewhere";
        }
    }

    /** The form field at fault, or null. */
    public String field() {
        return field;
    }

    @Override
    public String code() {
        return kind() == Kind.CONFLICT ? "already-set-up" : "invalid-" + field;
    }

    @Override
    public java.util.Map<String, Object> details() {
        return field == null ? java.util.Map.of() : java.util.Map.of("field", field);
    }
}

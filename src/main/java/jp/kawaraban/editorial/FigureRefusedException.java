package jp.kawaraban.editorial;

import jp.kawaraban.platform.Refusal;

/**
 * An upload the desk does not accept, and why; nothing of it was stored. The message key is
 * {@code editor.figure.error.<REASON>} and takes {@link #arguments()}.
 */
public class FigureRefusedException extends Refusal {

    public enum Reason {
        /** No caption: every figure is shown with one. */
        CAPTION_MISSING,
        CAPTION_TOO_LONG,
        CREDIT_TOO_LONG,
        /** Caption or credit would not survive being pasted into an article as markup. */
        MARKUP_CONFLICT,
        EMPTY,
        /** Larger than the configured number of bytes (argument: the limit in MB). */
        TOO_LARGE,
        /** Not a PNG, JPEG or SVG by its content, whatever its name says. */
        UNSUPPORTED_TYPE,
        /** A PNG or JPEG whose header cannot be read. */
        UNREADABLE,
        /** Wider, taller or with more pixels than allowed (arguments: the limits). */
        DIMENSIONS_TOO_LARGE,
        /** An SVG that is not well-formed XML, or declares a DOCTYPE (entities). */
        SVG_UNREADABLE,
        /** XML whose root element is not {@code svg}, or an SVG with nothing left to draw once cleaned. */
        SVG_NOT_A_DRAWING,
        /** Nested deeper than any real chart. */
        SVG_TOO_COMPLEX
    }

    private final Reason reason;

    public FigureRefusedException(Reason reason, Object... arguments) {
        super(switch (reason) {
            case TOO_LARGE -> Kind.TOO_LARGE;
            case UNSUPPORTED_TYPE -> Kind.UNSUPPORTED_TYPE;
            default -> Kind.INVALID;
        }, "editor.figure.error." + reason.name(), arguments);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The reason's name, as the upload API has always answered it. */
    @Override
    public String code() {
        return reason.name();
    }
}

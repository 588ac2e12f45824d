package jp.kawaraban.platform.web;

import java.util.Map;

import jp.kawaraban.platform.Refusal;

/**
 * A request whose text holds characters no one types: a NUL byte or another control character
 * (a tab and line breaks are fine in what is sent, not in an address), DEL, bytes that are not
 * UTF-8, half of a surrogate pair. Refused as a whole before anything reads it: 400, naming
 * the input at fault for apps ({@code parameter}: a parameter's name, {@code path} or
 * {@code body}).
 */
public class InvalidCharactersException extends Refusal {

    private final String input;

    public InvalidCharactersException(String input) {
        super(Kind.INVALID, "input.invalidCharacters.detail");
        this.input = input;
    }

    /** Which input held them: a parameter's or form field's name, {@code path} or {@code body}. */
    public String input() {
        return input;
    }

    @Override
    public String titleKey() {
        return "input.invalidCharacters.title";
    }

    @Override
    public String code() {
        return "invalidCharacters";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("parameter", input);
    }
}

package jp.kawaraban.article;

/** A running series or a named column that articles belong to; {@code code} appears in URLs. */
public record Series(String code, String name, Kind kind, String description) {

    public enum Kind { SERIES, COLUMN }
}

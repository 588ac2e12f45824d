package jp.kawaraban.article;

/** A section of the paper (国際, 政治, …); {@code code} appears in URLs. */
public record Section(String code, String name) {
}

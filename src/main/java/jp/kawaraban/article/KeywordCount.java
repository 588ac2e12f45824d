package jp.kawaraban.article;

/** A keyword in use and how many published articles carry it. */
public record KeywordCount(String keyword, long articles) {
}

package jp.kawaraban.article;

/** The stored file behind a figure. */
public record ArticleImage(String id, String contentType, byte[] bytes) {
}

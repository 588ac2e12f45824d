package jp.kawaraban.article;

/** No published article has this id (never existed, or withdrawn). Pages answer 404. */
public class ArticleNotFoundException extends RuntimeException {

    public ArticleNotFoundException(String id) {
        super("No published article with id " + id);
    }
}

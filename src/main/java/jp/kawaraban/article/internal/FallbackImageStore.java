package jp.kawaraban.article.internal;

import java.util.Optional;

import jp.kawaraban.article.ArticleImage;

/**
 * Writes new images to one store and reads from it first, then from the store images were
 * kept in before, so switching stores by configuration breaks no existing figure.
 */
public record FallbackImageStore(ImageStore current, ImageStore earlier) implements ImageStore {

    @Override
    public void save(ArticleImage image) {
        current.save(image);
    }

    @Override
    public Optional<ArticleImage> find(String id) {
        return current.find(id).or(() -> earlier.find(id));
    }
}

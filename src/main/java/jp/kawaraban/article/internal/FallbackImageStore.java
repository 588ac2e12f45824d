package jp.kawaraban.article.internal;

import java.util.Optional;

import jp.kawaraban.article.ArticleImage;
import jp.kawaraban.article.ImageStorageUnavailableException;

/**
 * Writes new images to one store and reads from it first, then from the store images were
 * kept in before, so switching stores by configuration breaks no existing figure. While the
 * current store is away (an object store that does not answer), images kept before are still
 * served; any other image is answered with the current store's failure.
 */
public record FallbackImageStore(ImageStore current, ImageStore earlier) implements ImageStore {

    @Override
    public void save(ArticleImage image) {
        current.save(image);
    }

    @Override
    public Optional<ArticleImage> find(String id) {
        try {
            return current.find(id).or(() -> earlier.find(id));
        } catch (ImageStorageUnavailableException away) {
            return Optional.of(earlier.find(id).orElseThrow(() -> away));
        }
    }
}

package jp.kawaraban.article.internal;

import java.nio.file.Path;
import java.util.Optional;

import jp.kawaraban.article.ArticleImage;

/**
 * The image store of the tests' application: the configured one ({@code database}), or, while
 * a test asks for it, what {@code kawaraban.article.images.store=directory} makes
 * ({@link ImageStoreConfiguration}: files under {@code <data-dir>/images}, falling back to the
 * configured store for images kept there before). So the directory store is tested end to
 * end without an application context of its own; that the setting picks it is
 * {@code ImageStoreConfigurationTest}'s. Images written to the directory stay readable after
 * switching back, so the shared application serves every figure it has listed.
 */
public final class SwitchableImageStore implements ImageStore {

    private final ImageStore configured;
    private final ImageStore directory;
    private final ImageStore readingBoth;
    private volatile ImageStore current;

    public SwitchableImageStore(ImageStore configured, Path dataDir) {
        DirectoryImageStore files = new DirectoryImageStore(dataDir.resolve("images"));
        this.configured = configured;
        this.directory = new FallbackImageStore(files, configured);
        this.readingBoth = new FallbackImageStore(configured, files);
        this.current = configured;
    }

    /** From now on as with {@code kawaraban.article.images.store=directory}. */
    public void useDirectory() {
        current = directory;
    }

    /**
     * From now on as with another store chosen by its setting ({@code s3}): new images go to
     * {@code store}, images kept before are read from the configured one behind it.
     */
    public void use(ImageStore store) {
        current = new FallbackImageStore(store, configured);
    }

    /** Back to the configured store. */
    public void useConfigured() {
        current = configured;
    }

    @Override
    public void save(ArticleImage image) {
        current.save(image);
    }

    @Override
    public Optional<ArticleImage> find(String id) {
        return current == configured ? readingBoth.find(id) : current.find(id);
    }
}

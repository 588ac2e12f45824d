package jp.kawaraban.article;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The article module's settings.
 *
 * @param images where figure images are kept
 */
@ConfigurationProperties("kawaraban.article")
public record ArticleProperties(@DefaultValue Images images) {

    /**
     * @param store {@code database} (default) keeps image bytes in PostgreSQL, which every
     *              node shares; {@code directory} keeps them as files under
     *              {@code <data-dir>/images}, for one node or a data directory on a shared
     *              file system. Either way images stored before in the database stay readable
     *              (docs/decisions/0011-figure-storage.md).
     */
    public record Images(@DefaultValue("database") Store store) {
    }

    public enum Store {
        DATABASE, DIRECTORY
    }
}

package jp.kawaraban.article.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import jp.kawaraban.article.ArticleImage;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Images as rows of {@code article_image}: shared by every node, backed up with the
 * database, and written in the same transaction as whatever refers to them.
 */
public final class DatabaseImageStore implements ImageStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    public DatabaseImageStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void save(ArticleImage image) {
        jdbc.sql("""
                        insert into article_image (id, content_type, bytes, created_at) values (?, ?, ?, ?)
                        on conflict (id) do update set content_type = excluded.content_type, bytes = excluded.bytes
                        """)
                .params(image.id(), image.contentType(), image.bytes(), Timestamp.from(clock.instant())).update();
    }

    @Override
    public Optional<ArticleImage> find(String id) {
        return jdbc.sql("select id, content_type, bytes from article_image where id = ?").param(id)
                .query((rs, i) -> new ArticleImage(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }
}

package jp.kawaraban.article;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import jp.kawaraban.article.internal.DatabaseImageStore;
import jp.kawaraban.article.internal.DirectoryImageStore;
import jp.kawaraban.article.internal.FallbackImageStore;
import jp.kawaraban.article.internal.ImageStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Moves a site's figures into the store it is now configured with (the operator's move to an
 * object store, docs/deploy.md): every image kept in the database, and every image kept as a
 * file under a directory store's folder, that the current store does not hold yet. Images are
 * copied, never deleted where they were: the database keeps its rows (and keeps serving them
 * should the object store be away), the folder its files. Run again, it copies only what is
 * still missing.
 */
@Service
public class FigureCopies {

    private final ImageStore store;
    private final JdbcClient jdbc;
    private final DatabaseImageStore database;

    FigureCopies(ImageStore store, JdbcClient jdbc, Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.database = new DatabaseImageStore(jdbc, clock);
    }

    /**
     * @param directory a directory store's folder ({@code <data-dir>/images}); skipped when absent
     * @return how many images were copied
     * @throws IllegalStateException when the site keeps its figures in the database: there is nowhere to copy them
     */
    public int intoCurrentStore(Path directory) {
        if (!(store instanceof FallbackImageStore fallback)) {
            throw new IllegalStateException("kawaraban.article.images.store is database: the figures are where they are to be");
        }
        ImageStore current = fallback.current();
        int copied = 0;
        for (String id : jdbc.sql("select id from article_image order by id").query(String.class).list()) {
            if (current.find(id).isEmpty()) {
                current.save(database.find(id).orElseThrow());
                copied++;
            }
        }
        boolean sameFolder = current instanceof DirectoryImageStore folder
                && folder.root().equals(directory.toAbsolutePath().normalize());
        if (Files.isDirectory(directory) && !sameFolder) {
            DirectoryImageStore files = new DirectoryImageStore(directory);
            for (String id : idsIn(directory)) {
                if (current.find(id).isEmpty()) {
                    files.find(id).ifPresent(current::save);
                    copied++;
                }
            }
        }
        return copied;
    }

    private static List<String> idsIn(Path directory) {
        try (Stream<Path> files = Files.walk(directory, 2)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".data") && !name.startsWith("."))
                    .map(name -> name.substring(0, name.length() - ".data".length()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the figures under " + directory, e);
        }
    }
}

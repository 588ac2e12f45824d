package jp.kawaraban.article.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import jp.kawaraban.article.ArticleImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Image files: written whole, found again, gone when their transaction rolls back, never outside the directory. */
class DirectoryImageStoreTest {

    @TempDir
    Path dir;

    @Test
    void anImageIsFoundAgainWithItsTypeAndNoTemporaryFileIsLeft() throws Exception {
        var store = new DirectoryImageStore(dir.resolve("images"));
        byte[] bytes = "png bytes".getBytes(StandardCharsets.US_ASCII);
        store.save(new ArticleImage("abc123", "image/png", bytes));
        assertThat(store.find("abc123")).hasValueSatisfying(image -> {
            assertThat(image.contentType()).isEqualTo("image/png");
            assertThat(image.bytes()).isEqualTo(bytes);
        });
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()))
                    .containsExactlyInAnyOrder("images/ab/abc123.data", "images/ab/abc123.type");
        }
        store.save(new ArticleImage("abc123", "image/jpeg", new byte[]{1}));
        assertThat(store.find("abc123").orElseThrow().contentType()).isEqualTo("image/jpeg");
        assertThat(store.find("missing")).isEmpty();
    }

    @Test
    void idsThatCouldLeaveTheDirectoryAreNeverFilesNames() {
        var store = new DirectoryImageStore(dir.resolve("images"));
        for (String id : new String[]{"../secret", "..", "a/b", "a\\b", ".hidden", "", "x".repeat(200)}) {
            assertThat(store.find(id)).as(id).isEmpty();
            assertThatThrownBy(() -> store.save(new ArticleImage(id, "image/png", new byte[]{1}))).as(id)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aNewImageIsRemovedWhenItsTransactionRollsBack() {
        var store = new DirectoryImageStore(dir.resolve("images"));
        TransactionSynchronizationManager.initSynchronization();
        try {
            store.save(new ArticleImage("rolledback", "image/png", new byte[]{1, 2}));
            assertThat(store.find("rolledback")).isPresent();
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(store.find("rolledback")).isEmpty();
        assertThat(store.dataFile("rolledback")).doesNotExist();
    }

    @Test
    void readingFallsBackToTheEarlierStore() {
        var older = new DirectoryImageStore(dir.resolve("older"));
        older.save(new ArticleImage("kept-before", "image/svg+xml", new byte[]{9}));
        var store = new FallbackImageStore(new DirectoryImageStore(dir.resolve("images")), older);
        store.save(new ArticleImage("new-one", "image/png", new byte[]{1}));
        assertThat(store.find("kept-before")).isPresent();
        assertThat(store.find("new-one")).isPresent();
        assertThat(older.find("new-one")).as("new images go to the current store only").isEmpty();
    }
}

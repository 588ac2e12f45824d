package jp.kawaraban.article.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import jp.kawaraban.article.ArticleImage;

/**
 * Images as files under a directory (normally {@code <data-dir>/images}): {@code <id>.data}
 * holds the bytes and {@code <id>.type} the content type, in a sub-directory named after the
 * id's first two characters so no directory grows too large to list.
 * <p>
 * Each file is written to a temporary file in the same directory and then moved into place,
 * so a reader (or a crash) never sees half an image; the type is written before the bytes, so
 * an image that can be found always has its type. The files are not part of the database's
 * transaction: a new image whose transaction rolls back is deleted again afterwards.
 */
public final class DirectoryImageStore implements ImageStore {

    private static final String DATA = ".data";
    private static final String TYPE = ".type";

    private final Path root;

    public DirectoryImageStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public void save(ArticleImage image) {
        if (!ImageStore.isStorable(image.id())) {
            throw new IllegalArgumentException("Image id not usable as a file name: " + image.id());
        }
        Path data = file(image.id(), DATA);
        Path type = file(image.id(), TYPE);
        try {
            Files.createDirectories(data.getParent());
            boolean isNew = !Files.exists(data);
            writeAtomically(type, image.contentType().getBytes(StandardCharsets.UTF_8));
            writeAtomically(data, image.bytes());
            if (isNew) {
                removeIfRolledBack(data, type);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store image " + image.id() + " under " + root, e);
        }
    }

    @Override
    public Optional<ArticleImage> find(String id) {
        if (!ImageStore.isStorable(id)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(file(id, DATA));
            String type = Files.readString(file(id, TYPE), StandardCharsets.UTF_8).strip();
            return Optional.of(new ArticleImage(id, type, bytes));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read image " + id + " under " + root, e);
        }
    }

    /** The file holding the image's bytes (whether or not it exists). */
    public Path dataFile(String id) {
        return file(id, DATA);
    }

    private Path file(String id, String suffix) {
        return root.resolve(id.substring(0, Math.min(2, id.length()))).resolve(id + suffix);
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), ".incoming-", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void removeIfRolledBack(Path data, Path type) {
        ImageStore.undoIfRolledBack(() -> {
            try {
                Files.deleteIfExists(data);
                Files.deleteIfExists(type);
            } catch (IOException e) {
                // An unreferenced file under a random id harms nobody; the rollback itself stands.
            }
        });
    }
}

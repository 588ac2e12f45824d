package jp.kawaraban.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/**
 * The product's own search index and the import's output as {@code bench/recommendations-product.sh}
 * leaves them (its site stopped), read alike by the benches that measure on them
 * ({@link ProductIndexMoreLikeThisBench}, {@link RecommendationTuningBench}).
 */
final class ProductIndex implements AutoCloseable {

    private static final Pattern FILE = Pattern.compile("\"file\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern ID = Pattern.compile("\"(?:id|duplicateOf)\"\\s*:\\s*\"([^\"]+)\"");

    private final FSDirectory directory;
    private final DirectoryReader reader;

    private ProductIndex(FSDirectory directory, DirectoryReader reader) {
        this.directory = directory;
        this.reader = reader;
    }

    /** Opens the index that the search folder's {@code current} file names (the one the site last used). */
    static ProductIndex open(Path searchFolder) throws IOException {
        Path current = searchFolder.resolve(Files.readString(searchFolder.resolve("current")).strip());
        FSDirectory directory = FSDirectory.open(current);
        try {
            return new ProductIndex(directory, DirectoryReader.open(directory));
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    DirectoryReader reader() {
        return reader;
    }

    /**
     * The corpus file each imported article came from, by the article's id, from the import's
     * output lines (a file the import found a duplicate of is named with the article it
     * duplicates). The file's folder is its livedoor category.
     */
    static Map<String, Path> importedFiles(Path importOutput) throws IOException {
        Map<String, Path> files = new HashMap<>();
        for (String line : Files.readAllLines(importOutput, StandardCharsets.UTF_8)) {
            Matcher file = FILE.matcher(line);
            Matcher id = ID.matcher(line);
            if (file.find() && id.find()) {
                files.put(id.group(1), Path.of(file.group(1).replace("\\\\", "\\").replace("\\/", "/")));
            }
        }
        return files;
    }

    /** The livedoor category of a corpus file: the folder it is in. */
    static String category(Path file) {
        return file.getParent().getFileName().toString();
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } finally {
            directory.close();
        }
    }
}

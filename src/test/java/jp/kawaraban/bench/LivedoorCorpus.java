package jp.kawaraban.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The livedoor news corpus as extracted from {@code ../shared/corpora/livedoor-dev.tar.gz}
 * (line 1 URL, line 2 date, line 3 title, then the body). Read for benchmarks only; never
 * copied into the repository.
 */
record LivedoorCorpus(List<Item> items) {

    record Item(String key, String category, String url, OffsetDateTime date, String title, String body) {
    }

    static LivedoorCorpus read(Path root) {
        List<Item> items = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String category = file.getParent().getFileName().toString();
                String name = file.getFileName().toString();
                if (!name.startsWith(category + "-")) {
                    continue; // LICENSE.txt, README.txt
                }
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (lines.size() < 4) {
                    continue;
                }
                String body = String.join("\n", lines.subList(3, lines.size())).strip();
                items.add(new Item(name.replace(".txt", ""), category, lines.get(0).strip(),
                        OffsetDateTime.parse(lines.get(1).strip().replaceFirst("(\\+\\d{2})(\\d{2})$", "$1:$2")),
                        lines.get(2).strip(), body));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LivedoorCorpus(List.copyOf(items));
    }

    /** Where the benchmark scripts extract the corpus. */
    static Path location() {
        Path path = Path.of(System.getProperty("kawaraban.corpus", "/tmp/kawaraban-corpus/livedoor"));
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("Extract the corpus first (bench scripts do): " + path);
        }
        return path;
    }
}

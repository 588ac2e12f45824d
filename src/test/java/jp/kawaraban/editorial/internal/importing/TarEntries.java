package jp.kawaraban.editorial.internal.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Just enough of the tar format to read the first few files of the corpus archive where it lies. */
public final class TarEntries {

    public record Entry(String name, byte[] bytes) {
    }

    private TarEntries() {
    }

    public static List<Entry> first(InputStream in, int count, Predicate<String> wanted) throws IOException {
        List<Entry> entries = new ArrayList<>();
        byte[] header = new byte[512];
        while (entries.size() < count && in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
            String name = field(header, 0, 100);
            String prefix = field(header, 345, 155);
            long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
            byte[] bytes = in.readNBytes((int) size);
            in.skipNBytes((512 - size % 512) % 512);
            String path = prefix.isEmpty() ? name : prefix + "/" + name;
            if (header[156] == '0' || header[156] == 0) {
                if (wanted.test(path)) {
                    entries.add(new Entry(path, bytes));
                }
            }
        }
        return entries;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}

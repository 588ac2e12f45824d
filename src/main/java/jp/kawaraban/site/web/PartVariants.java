package jp.kawaraban.site.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The per-member parts of one paid members' page ({@link MemberPageTemplates}), rendered once for
 * each state they were asked in and kept as bytes with the CSRF token left as a place (decision
 * 0045): a paid member's follow and save state and gift counts take a few values on one article
 * (most members follow none of its topics), so a page from memory splices bytes in rather than
 * running the templates. Dropped with the page that holds them. Bounded: past
 * {@link #MAX_BYTES} a new state's parts are rendered for its request and not kept.
 */
final class PartVariants {

    /** What one page's kept parts may weigh: counted in the page's weight from the start. */
    static final int MAX_BYTES = 32 * 1024;

    /** One place's part: literal bytes with the token's place between each two. */
    record Pieces(byte[][] literals) {

        /** Cuts rendered HTML at each occurrence of {@code tokenMark}, the stand-in token it was rendered with. */
        static Pieces of(String html, String tokenMark) {
            List<byte[]> literals = new ArrayList<>();
            int at = 0;
            for (int found = html.indexOf(tokenMark); found >= 0; found = html.indexOf(tokenMark, at)) {
                literals.add(html.substring(at, found).getBytes(StandardCharsets.UTF_8));
                at = found + tokenMark.length();
            }
            literals.add(html.substring(at).getBytes(StandardCharsets.UTF_8));
            return new Pieces(literals.toArray(byte[][]::new));
        }

        int length(int tokenLength) {
            int length = tokenLength * (literals.length - 1);
            for (byte[] literal : literals) {
                length += literal.length;
            }
            return length;
        }

        void writeTo(OutputStream out, byte[] token) throws IOException {
            for (int i = 0; i < literals.length; i++) {
                if (i > 0) {
                    out.write(token);
                }
                out.write(literals[i]);
            }
        }
    }

    private record Key(String group, Object state) {
    }

    private final Map<Key, Map<String, Pieces>> kept = new ConcurrentHashMap<>();
    private final AtomicInteger bytes = new AtomicInteger();

    /**
     * The parts of {@code group} (an extension, or the gift button) in {@code state}, by place:
     * kept ones, else {@code render}ed now, and kept while there is room.
     */
    Map<String, Pieces> get(String group, Object state, Supplier<Map<String, Pieces>> render) {
        Key key = new Key(group, state);
        Map<String, Pieces> parts = kept.get(key);
        if (parts != null) {
            return parts;
        }
        parts = Map.copyOf(render.get());
        int weight = 64;
        for (Pieces pieces : parts.values()) {
            weight += pieces.length(0) + 16 * pieces.literals().length;
        }
        if (bytes.addAndGet(weight) <= MAX_BYTES) {
            Map<String, Pieces> earlier = kept.putIfAbsent(key, parts);
            if (earlier != null) {
                bytes.addAndGet(-weight);
                return earlier;
            }
        } else {
            bytes.addAndGet(-weight);
        }
        return parts;
    }
}

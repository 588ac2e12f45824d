package jp.kawaraban.text;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Answers remembered by the string they were made for, up to a number of strings; when it is
 * full it is emptied whole rather than evicting one entry at a time, which keeps it bounded
 * without a lock or any bookkeeping on a read. Meant for answers that are cheap to make again
 * but asked for again and again (indexing meets the same words over and over). Two threads that
 * ask for the same new string at once may both make its answer; the answer is the same.
 */
final class MemoEmptiedWhenFull {

    private final int limit;
    private final Map<String, String> answers = new ConcurrentHashMap<>();

    MemoEmptiedWhenFull(int limit) {
        this.limit = limit;
    }

    /** The answer remembered for {@code key}, or {@code make}'s, remembered from now on. */
    String get(String key, UnaryOperator<String> make) {
        String answer = answers.get(key);
        if (answer == null) {
            answer = make.apply(key);
            if (answers.size() >= limit) {
                answers.clear();
            }
            answers.put(key, answer);
        }
        return answer;
    }
}

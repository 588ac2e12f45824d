package jp.kawaraban.search;

import jp.kawaraban.search.internal.IndexingQueue;
import org.springframework.stereotype.Service;

/**
 * How much the search index still has to take in: what operator commands (an archive import)
 * wait for and show, and what the administrators' index page tells. Articles changed are
 * queued in the transaction that changed them and indexed in batches behind it (decision 0029).
 */
@Service
public class IndexingBacklog {

    private final IndexingQueue queue;

    IndexingBacklog(IndexingQueue queue) {
        this.queue = queue;
    }

    /**
     * @param toIndex articles waiting to be indexed (or removed)
     * @param toList  articles indexed whose recommendation list waits to be computed
     * @param failed  articles the queue gave up on after repeated failures (the log says why)
     */
    public record Backlog(long toIndex, long toList, long failed) {

        public long waiting() {
            return toIndex + toList;
        }
    }

    public Backlog now() {
        return queue.backlog();
    }
}

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

    /** A hold on the recommendation lists; closing it (once is enough) lets them be computed. */
    public interface ListsHeld extends AutoCloseable {
        @Override
        void close();
    }

    public Backlog now() {
        return queue.backlog();
    }

    /**
     * For a bulk of articles stored in batches (an archive import): recommendation lists wait
     * until the hold is closed, then are computed once each against the whole archive
     * (decision 0044). Close it when the last batch is stored; a kill releases it.
     */
    public ListsHeld holdListsUntilClosed() {
        return queue.holdLists();
    }
}

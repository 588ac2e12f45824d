-- Each row of the indexing queue is worked by one node at a time (decision 0046). The node whose
-- transaction queued a change claims it there and then; it keeps its claims alive while its
-- worker runs, and a row whose claim has run out (its node was killed, or cut off from the
-- database) is taken by the next node that looks. Before this, every node's worker took the same
-- rows: with a shared OpenSearch index the work was done twice, and with the embedded Lucene
-- index a node could take another node's row and leave that node's own index without it.
ALTER TABLE search_queue
    ADD COLUMN claimed_by    TEXT,
    ADD COLUMN claimed_until TIMESTAMPTZ;

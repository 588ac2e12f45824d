package jp.kawaraban.platform;

import org.springframework.core.ResolvableType;
import org.springframework.core.ResolvableTypeProvider;

/**
 * A {@link NodeWideEvent} that happened on another node, republished here after that node's
 * transaction committed. Only node-local state should act on it (drop a cache, update the
 * embedded index): whatever the change wrote to the shared database was written there already.
 * Listen with its type argument, {@code @EventListener void on(FromAnotherNode<ArticlePublished> e)};
 * it is published outside any transaction, on the thread that listens to the other nodes, so a
 * listener that is slow hands its work to a thread of its own.
 *
 * @param event the event as the other node published it
 * @param node  which node it came from (for logs)
 */
public record FromAnotherNode<E extends NodeWideEvent>(E event, String node) implements ResolvableTypeProvider {

    @Override
    public ResolvableType getResolvableType() {
        return ResolvableType.forClassWithGenerics(FromAnotherNode.class, ResolvableType.forInstance(event));
    }
}

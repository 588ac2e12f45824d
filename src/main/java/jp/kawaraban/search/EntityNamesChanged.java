package jp.kawaraban.search;

import java.util.List;

import jp.kawaraban.platform.NodeWideEvent;

/**
 * An entity was created, or its names changed. Articles published before the change do not
 * know it yet: those naming one of {@code addedNames} now mention the entity, and those
 * found only by one of {@code removedNames} no longer do. Listeners revisit such articles
 * (at most {@link Entities#REVISITED_ARTICLES} of the newest for added names). Node-wide: every
 * node reads its vocabulary again and revisits those articles in its own index.
 *
 * @param canonicalName the entity's name as it is now
 */
public record EntityNamesChanged(String entityId, String canonicalName, List<String> addedNames,
                                 List<String> removedNames) implements NodeWideEvent {

    public EntityNamesChanged {
        addedNames = List.copyOf(addedNames);
        removedNames = List.copyOf(removedNames);
    }
}

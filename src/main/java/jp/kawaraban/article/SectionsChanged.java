package jp.kawaraban.article;

import jp.kawaraban.platform.NodeWideEvent;

/**
 * A section was saved: added, renamed, or put at another {@code position} in the navigation
 * order. Whoever keeps a copy of the sections (the site's navigation) reads them again.
 */
public record SectionsChanged(Section section, int position) implements NodeWideEvent {
}

package jp.kawaraban.site;

import jp.kawaraban.platform.NodeWideEvent;

/**
 * A change sent to one node (a form or an API call that succeeded, outside the readers' own
 * business) may have altered what anonymous readers see, and that node dropped its kept pages.
 * Node-wide, so every other node drops its own: the change may announce itself by no event of
 * its own (commentary, the desk's smaller edits), yet no node may keep showing the old page.
 *
 * @param path the path the change was sent to, for logs
 */
public record ReadersPagesChanged(String path) implements NodeWideEvent {
}

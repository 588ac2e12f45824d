package jp.kawaraban.site;

import jp.kawaraban.platform.NodeWideEvent;

/**
 * A change may have altered what readers see, and it announces itself by no event of its own:
 * a form or an API call that succeeded outside the readers' own business (commentary, the
 * desk's smaller edits), or a deleted account's commentary going. Every node drops its kept
 * pages on it, this one after the change's commit; no node may keep showing the old page.
 *
 * @param path what changed, for logs: the path a form was sent to
 */
public record ReadersPagesChanged(String path) implements NodeWideEvent {
}

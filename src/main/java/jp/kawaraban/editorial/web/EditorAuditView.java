package jp.kawaraban.editorial.web;

import java.util.List;

/**
 * {@code /editor/audit}: desk changes, newest first, optionally of one subject
 * ({@code entity:kyiv}, {@code section:world}).
 *
 * @param next     the next page's link, or null on the last page
 * @param previous the previous page's link, or null on the first
 */
public record EditorAuditView(String subject, List<Row> rows, int page, String previous, String next) {

    /**
     * One change as editors read it.
     *
     * @param at          Japan time, {@code 2025年2月19日 7:00}
     * @param atIso       for {@code <time datetime>}
     * @param actionLabel the action in words ({@code action} itself when there are none)
     * @param subjectLink the desk page of the subject, or null
     */
    public record Row(String at, String atIso, String actorName, String action, String actionLabel, String subject,
                      String subjectLink, String detail) {
    }
}

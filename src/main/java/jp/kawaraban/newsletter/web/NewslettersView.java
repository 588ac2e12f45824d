package jp.kawaraban.newsletter.web;

import java.util.List;

import jp.kawaraban.newsletter.Newsletter;

/** {@code /newsletters} (every newsletter) or {@code /newsletters/{code}} ({@code focus} set). */
public record NewslettersView(List<Newsletter> newsletters, Newsletter focus, NewsletterForm form) {
}

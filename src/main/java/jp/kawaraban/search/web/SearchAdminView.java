package jp.kawaraban.search.web;

import jp.kawaraban.search.IndexRebuilds;
import org.springframework.security.web.csrf.CsrfToken;

/** The search administration page: index against database, and the rebuild's progress. */
public record SearchAdminView(long indexed, long published, IndexRebuilds.Progress progress, CsrfToken csrf) {
}

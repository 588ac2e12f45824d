package jp.kawaraban.commentary.web;

import org.springframework.security.web.csrf.CsrfToken;

/** The form where an expert edits their own profile. */
public record ExpertProfileForm(String expertId, String displayName, String title, String bio, String initials,
                                String notice, boolean error, CsrfToken csrf) {
}

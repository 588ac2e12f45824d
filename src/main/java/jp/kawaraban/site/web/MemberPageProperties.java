package jp.kawaraban.site.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The paid members' article pages sent from memory ({@link MemberPages}, decision 0042).
 *
 * @param enabled       off, every member's page goes through the session, security and rendering
 * @param maxAge        how long what is kept of a session (member, paid access, CSRF token) is
 *                      trusted at most: the bound for a change no event announces
 * @param sessions      how many sessions to keep at most
 * @param maxBytes      how much memory the paid members' pages (one per article) may take; they
 *                      are dropped with the anonymous pages, by their rule and maximum age
 */
@ConfigurationProperties("kawaraban.site.member-pages")
public record MemberPageProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("60s") Duration maxAge,
        @DefaultValue("100000") long sessions,
        @DefaultValue("32MB") DataSize maxBytes) {
}

package jp.kawaraban.newsletter.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.kawaraban.article.ArticleSummary;
import jp.kawaraban.newsletter.Issue;
import jp.kawaraban.newsletter.Newsletter;
import jp.kawaraban.newsletter.NewsletterProperties;
import jp.kawaraban.newsletter.RenderedMessage;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.settings.Setting;
import jp.kawaraban.platform.settings.Settings;
import jp.kawaraban.platform.web.PublicUrls;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders an issue once per issue, then personalises it per recipient by filling in three
 * slots (address, unsubscribe and manage links): rendering 100,000 messages costs 100,000
 * string joins and HMACs, not 100,000 template runs. The HTML breaks its lines between
 * blocks, so that it can travel as 8bit text (lines of at most 998 octets) instead of base64.
 *
 * <p>Messages carry each article's headline, the editor's line and the article's lead, which
 * every reader may see: never body text, so no recipient gets paid text they are not entitled
 * to, whatever their plan.
 */
@Component
public class IssueRenderer {

    static final String EMAIL = "\u0000E\u0000";
    static final String UNSUBSCRIBE = "\u0000U\u0000";
    static final String MANAGE = "\u0000M\u0000";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/M/d");

    private final Messages msg;
    private final PublicUrls urls;
    private final NewsletterProperties properties;
    private final SignedTokens signed;

    private final Settings settings;

    IssueRenderer(Messages msg, PublicUrls urls, NewsletterProperties properties, SignedTokens signed, Settings settings) {
        this.settings = settings;
        this.msg = msg;
        this.urls = urls;
        this.properties = properties;
        this.signed = signed;
    }

    /** An issue rendered up to the recipient's slots. */
    public final class Prepared {

        private final Newsletter newsletter;
        private final String subject;
        private final String[] text;
        private final String[] html;

        private Prepared(Newsletter newsletter, String subject, String text, String html) {
            this.newsletter = newsletter;
            this.subject = subject;
            this.text = split(text);
            this.html = split(html);
        }

        public RenderedMessage to(String email) {
            String unsubscribe = urls.url("/newsletters/unsubscribe") + "?token="
                    + signed.sign(Payloads.unsubscribe(newsletter.code(), email));
            String manage = urls.url("/newsletters/manage") + "?token=" + signed.sign(Payloads.manage(email));
            Map<String, String> headers = new LinkedHashMap<>();
            String mailto = properties.unsubscribeMailbox().isBlank() ? ""
                    : ", <mailto:" + properties.unsubscribeMailbox() + "?subject=unsubscribe%20" + newsletter.code() + ">";
            headers.put("List-Unsubscribe", "<" + unsubscribe + ">" + mailto);
            headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            headers.put("List-Id", "<" + newsletter.code() + ".newsletter.kawaraban>");
            return new RenderedMessage(newsletter.senderName(), newsletter.senderAddress(), email, subject,
                    fill(text, email, unsubscribe, manage, false), fill(html, email, unsubscribe, manage, true), headers);
        }
    }

    public Prepared prepare(Issue issue, Newsletter newsletter, List<ArticleSummary> articles, Instant date) {
        Map<String, ArticleSummary> byId = new LinkedHashMap<>();
        articles.forEach(a -> byId.put(a.id().value(), a));
        String day = DATE.format(date.atZone(newsletter.zone()));
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        text.append(issue.subject()).append("\n").append(newsletter.name()).append("　").append(day).append("\n\n");
        html.append("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>").append(esc(issue.subject()))
                .append("</title></head>\n<body style=\"font-family:sans-serif;line-height:1.7;max-width:640px;margin:0 auto;padding:16px\">\n")
                .append("<p style=\"color:#666\">").append(esc(newsletter.name())).append("　").append(esc(day)).append("</p>\n")
                .append("<h1 style=\"font-size:1.3em\">").append(esc(issue.subject())).append("</h1>\n<ol style=\"padding-left:1.2em\">\n");
        int number = 1;
        for (Issue.Item item : issue.items()) {
            ArticleSummary article = byId.get(item.articleId());
            if (article == null) {
                continue; // withdrawn since it was picked
            }
            String url = urls.url("/articles/" + article.id().value());
            String label = article.accessLevel().isFree() ? "" : msg.get("mail.newsletter.issue.level." + article.accessLevel().name());
            text.append(number++).append(". ").append(article.headline()).append(label.isEmpty() ? "" : "（" + label + "）").append("\n");
            if (!item.note().isBlank()) {
                text.append("   ").append(item.note()).append("\n");
            }
            text.append("   ").append(article.lead()).append("\n   ").append(url).append("\n\n");
            html.append("<li style=\"margin-bottom:1.2em\"><a href=\"").append(esc(url)).append("\" style=\"font-weight:bold;font-size:1.1em\">")
                    .append(esc(article.headline())).append("</a>\n");
            if (!label.isEmpty()) {
                html.append("<small style=\"color:#b00\">").append(esc(label)).append("</small>\n");
            }
            if (!item.note().isBlank()) {
                html.append("<p style=\"margin:.3em 0\"><strong>").append(esc(item.note())).append("</strong></p>\n");
            }
            html.append("<p style=\"margin:.3em 0;color:#333\">").append(esc(article.lead())).append("</p></li>\n");
        }
        html.append("</ol>\n<hr>\n");
        String footer = msg.get("mail.newsletter.issue.footer", EMAIL, newsletter.name());
        text.append("――\n").append(footer).append("\n")
                .append(msg.get("mail.newsletter.issue.unsubscribe")).append(" ").append(UNSUBSCRIBE).append("\n")
                .append(msg.get("mail.newsletter.issue.manage")).append(" ").append(MANAGE).append("\n")
                .append(postalAddress()).append("\n");
        html.append("<p style=\"font-size:.85em;color:#666\">").append(esc(footer).replace(esc(EMAIL), EMAIL)).append("<br>\n")
                .append("<a href=\"").append(UNSUBSCRIBE).append("\">").append(esc(msg.get("mail.newsletter.issue.unsubscribe"))).append("</a>　")
                .append("<a href=\"").append(MANAGE).append("\">").append(esc(msg.get("mail.newsletter.issue.manage"))).append("</a><br>\n")
                .append(esc(postalAddress())).append("</p>\n</body></html>\n");
        return new Prepared(newsletter, issue.subject(), text.toString(), html.toString());
    }

    /** The template cut at the slots: even indexes are text, odd ones name the slot. */
    private static String[] split(String template) {
        return template.split("\u0000", -1);
    }

    private static String fill(String[] parts, String email, String unsubscribe, String manage, boolean html) {
        StringBuilder out = new StringBuilder(parts.length * 64 + 4096);
        for (int i = 0; i < parts.length; i++) {
            if (i % 2 == 0) {
                out.append(parts[i]);
            } else {
                String value = switch (parts[i]) {
                    case "E" -> email;
                    case "U" -> unsubscribe;
                    case "M" -> manage;
                    default -> "";
                };
                out.append(html ? esc(value) : value);
            }
        }
        return out.toString();
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    /** The runtime setting when an administrator changed it, else {@code kawaraban.newsletter.postal-address}. */
    private String postalAddress() {
        return settings.text(Setting.NEWSLETTER_POSTAL_ADDRESS, properties.postalAddress());
    }
}

package jp.kawaraban.editorial.web;

import java.util.List;

import jp.kawaraban.editorial.AuditEntry;
import jp.kawaraban.editorial.AuditLog;
import jp.kawaraban.platform.web.JapaneseDates;
import jp.kawaraban.platform.web.Messages;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/** Audit entries as editors read them: Japan time, the action in words, a link to what was changed. */
@Component
class AuditRows {

    private final AuditLog audit;
    private final Messages msg;

    AuditRows(AuditLog audit, Messages msg) {
        this.audit = audit;
        this.msg = msg;
    }

    /** Newest first; {@code subject} null for all. */
    List<EditorAuditView.Row> recent(String subject, int limit, int offset) {
        return audit.recent(subject, limit, offset).stream().map(this::row).toList();
    }

    private EditorAuditView.Row row(AuditEntry entry) {
        return new EditorAuditView.Row(JapaneseDates.readable(entry.at()), JapaneseDates.iso(entry.at()),
                entry.actorName(), entry.action(), label(entry.action()), entry.subject(), link(entry.subject()),
                entry.detail());
    }

    /** Actions are worded under {@code editor.audit.<action>}; one without words shows as it is. */
    private String label(String action) {
        try {
            return msg.get("editor.audit." + action);
        } catch (NoSuchMessageException none) {
            return action;
        }
    }

    private static String link(String subject) {
        int colon = subject.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String kind = subject.substring(0, colon);
        String key = subject.substring(colon + 1);
        return switch (kind) {
            case "entity" -> "/editor/entities/" + key;
            case "series" -> "/editor/series/" + key;
            case "section" -> "/editor/sections";
            case "article" -> "/editor/articles/" + key;
            // Changes made by administrators (docs/decisions/0024): their pages, for administrators.
            case "member" -> "/admin/members/" + key;
            case "staff" -> "/admin/staff";
            case "plan", "campaign" -> "/admin/plans";
            default -> null;
        };
    }
}

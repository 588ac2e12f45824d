package jp.kawaraban.editorial.web;

import jp.kawaraban.editorial.AuditLog;
import jp.kawaraban.member.MemberPrincipal;

/** The editor behind a desk request, as the audit log names them. */
final class DeskActors {

    private DeskActors() {
    }

    static AuditLog.Actor of(MemberPrincipal editor) {
        return new AuditLog.Actor(editor.id().value().toString(), editor.displayName());
    }
}

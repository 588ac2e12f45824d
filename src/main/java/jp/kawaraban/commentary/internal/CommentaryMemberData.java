package jp.kawaraban.commentary.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.kawaraban.commentary.ExpertComment;
import jp.kawaraban.member.MemberDataExport;
import jp.kawaraban.member.MemberDeleted;
import jp.kawaraban.member.MemberId;
import jp.kawaraban.site.ReadersPagesChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What {@code commentary} keeps about a member (an expert's profile and everything they
 * wrote, hidden ones and those on withdrawn articles included): in their data export, and
 * gone when they delete the account.
 */
@Component
class CommentaryMemberData implements MemberDataExport {

    private final CommentaryRepository repository;
    private final ApplicationEventPublisher events;

    CommentaryMemberData(CommentaryRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    @Override
    public String part() {
        return "commentary";
    }

    @Override
    public Object export(MemberId member) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("profile", repository.profile(member).map(profile -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("displayName", profile.displayName());
            p.put("title", profile.title());
            p.put("bio", profile.bio());
            p.put("initials", profile.initials());
            p.put("updatedAt", profile.updatedAt().toString());
            return p;
        }).orElse(null));
        List<Map<String, Object>> written = repository.allByExpert(member).stream().map(CommentaryMemberData::entry).toList();
        data.put("commentary", written);
        return data;
    }

    private static Map<String, Object> entry(ExpertComment comment) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", comment.id().toString());
        e.put("articleId", comment.article().value());
        e.put("text", comment.text());
        e.put("createdAt", comment.createdAt().toString());
        e.put("editedAt", comment.editedAt() == null ? null : comment.editedAt().toString());
        e.put("hiddenAt", comment.hidden() ? comment.hiding().at().toString() : null);
        e.put("hiddenReason", comment.hidden() ? comment.hiding().reason() : null);
        return e;
    }

    /**
     * A deleted expert's commentary goes with the account. Pages kept with it (under articles,
     * on every node) are dropped once it is gone: nothing else announces this change.
     */
    @ApplicationModuleListener
    void on(MemberDeleted deleted) {
        if (repository.forget(deleted.member()) > 0) {
            events.publishEvent(new ReadersPagesChanged("commentary of a deleted account"));
        }
    }
}

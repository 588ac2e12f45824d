package jp.kawaraban.personal.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jp.kawaraban.member.MemberDataExport;
import jp.kawaraban.member.MemberDeleted;
import jp.kawaraban.member.MemberId;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** What {@code personal} keeps about a member: in their data export, and gone when they delete the account. */
@Component
class PersonalMemberData implements MemberDataExport {

    private final PersonalRepository repository;

    PersonalMemberData(PersonalRepository repository) {
        this.repository = repository;
    }

    @Override
    public String part() {
        return "personal";
    }

    @Override
    public Object export(MemberId member) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("follows", repository.follows(member));
        data.put("savedArticles", repository.savedArticles(member, "", 0, Integer.MAX_VALUE));
        data.put("savedFigures", repository.savedFigures(member, "", 0, Integer.MAX_VALUE));
        data.put("articlesOpened", repository.reads(member));
        return data;
    }

    @ApplicationModuleListener
    void on(MemberDeleted deleted) {
        repository.forget(deleted.member());
    }
}

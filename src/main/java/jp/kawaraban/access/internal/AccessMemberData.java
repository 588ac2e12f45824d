package jp.kawaraban.access.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jp.kawaraban.member.MemberDataExport;
import jp.kawaraban.member.MemberDeleted;
import jp.kawaraban.member.MemberId;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** What {@code access} keeps about a member: in their data export, and gone when they delete the account. */
@Component
class AccessMemberData implements MemberDataExport {

    private final AccessRepository repository;

    AccessMemberData(AccessRepository repository) {
        this.repository = repository;
    }

    @Override
    public String part() {
        return "access";
    }

    @Override
    public Object export(MemberId member) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subscription", repository.subscription(member).map(AccessRepository.Stored::subscription).orElse(null));
        data.put("subscriptionHistory", repository.auditTrail(member));
        data.put("trialsTaken", repository.trialsTaken(member));
        data.put("paidArticlesOpened", repository.meterRows(member));
        return data;
    }

    @ApplicationModuleListener
    void on(MemberDeleted deleted) {
        repository.forget(deleted.member());
    }
}

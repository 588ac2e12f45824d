package jp.kawaraban.billing.internal;

import jp.kawaraban.member.MemberDataExport;
import jp.kawaraban.member.MemberDeleted;
import jp.kawaraban.member.MemberId;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The member's customer records at payment providers: exported, and forgotten on deletion. */
@Component
class BillingMemberData implements MemberDataExport {

    private final BillingRepository repository;

    BillingMemberData(BillingRepository repository) {
        this.repository = repository;
    }

    @Override
    public String part() {
        return "billing";
    }

    @Override
    public Object export(MemberId member) {
        return repository.customers(member);
    }

    @ApplicationModuleListener
    void on(MemberDeleted deleted) {
        repository.forget(deleted.member());
    }
}

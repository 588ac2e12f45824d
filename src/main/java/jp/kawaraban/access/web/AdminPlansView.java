package jp.kawaraban.access.web;

import java.time.LocalDate;
import java.util.List;

import jp.kawaraban.access.Campaign;
import jp.kawaraban.access.Plan;
import jp.kawaraban.access.PlanTerms;
import jp.kawaraban.platform.web.JapaneseDates;
import org.springframework.security.web.csrf.CsrfToken;

/** {@code /admin/plans}: each paid plan's terms (or none yet), every campaign, and the last action's notice. */
public record AdminPlansView(List<PlanRow> plans, List<Campaign> campaigns, String notice, CsrfToken csrf) {

    /** A paid plan and its terms, null when it is not on sale yet. */
    public record PlanRow(Plan plan, PlanTerms terms) {
    }

    /** The first day of a campaign, as the date field shows it (Japan time). */
    public static String firstDay(Campaign campaign) {
        return LocalDate.ofInstant(campaign.startsAt(), JapaneseDates.TOKYO).toString();
    }

    /** The last day of a campaign (its end is the start of the next day, Japan time). */
    public static String lastDay(Campaign campaign) {
        return LocalDate.ofInstant(campaign.endsAt().minusNanos(1), JapaneseDates.TOKYO).toString();
    }
}

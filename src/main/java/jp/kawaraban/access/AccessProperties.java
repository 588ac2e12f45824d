package jp.kawaraban.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param freeMonthlyPaidArticles paid articles a free member may open in full each calendar
 *                                month (Japan time); each article counts once a month
 * @param giftsPerMonth           gift links a paid member may make each calendar month (Japan
 *                                time); a revoked gift still counts (decision 0034)
 * @param giftDays                days a gift link opens its article for
 */
@ConfigurationProperties("kawaraban.access")
public record AccessProperties(@DefaultValue("1") int freeMonthlyPaidArticles,
                               @DefaultValue("10") int giftsPerMonth,
                               @DefaultValue("7") int giftDays) {
}

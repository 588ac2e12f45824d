package jp.kawaraban.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param freeMonthlyPaidArticles paid articles a free member may open in full each calendar
 *                                month (Japan time); each article counts once a month
 */
@ConfigurationProperties("kawaraban.access")
public record AccessProperties(@DefaultValue("1") int freeMonthlyPaidArticles) {
}

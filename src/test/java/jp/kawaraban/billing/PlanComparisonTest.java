package jp.kawaraban.billing;

import java.util.List;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import jp.kawaraban.access.Entitlements;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static jp.kawaraban.KawarabanTest.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/** The plans page compares what each plan includes in one table, with the allowance as it is set now. */
@KawarabanTest
class PlanComparisonTest {

    @LocalServerPort
    int port;
    @Autowired
    Entitlements entitlements;

    @Test
    void thePlansAreComparedFeatureByFeature() {
        Document page = new WebSession(port).page("/plans");
        Element table = page.selectFirst("table.plan-comparison");
        assertThat(table).isNotNull();
        List<String> columns = table.select("thead th").eachText();
        assertThat(columns.getFirst()).isEqualTo("無料会員");
        assertThat(columns).hasSizeGreaterThanOrEqualTo(2);

        Element paid = row(table, "有料記事");
        assertThat(paid.select("td").first().text()).isEqualTo("月" + entitlements.monthlyAllowance() + "本まで");
        assertThat(paid.select("td").eachText().subList(1, columns.size())).containsOnly("すべて");
        assertThat(row(table, "マイニュース（フォロー）").select("td").first().text()).isEqualTo("—");
        assertThat(row(table, "料金").select("td").eachText()).allSatisfy(price -> assertThat(price).contains("円"));
    }

    @Test
    void aPayingMembersPlanIsMarkedInTheTable() {
        Document page = WebSession.loggedIn(port, "paid@example.com", DEMO_PASSWORD).page("/plans");
        assertThat(page.select("table.plan-comparison thead th.current-plan").eachText()).containsExactly("年額プラン");
    }

    private static Element row(Element table, String feature) {
        return table.select("tbody tr").stream().filter(tr -> tr.selectFirst("th").text().equals(feature)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + feature));
    }
}

package dev.threadline.examples.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threadline.messaging.automation.analytics.Analytics;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The Analytics page in headless chromium against the whole app with the demo's two weeks of history, each number
 * on the page checked against what the admin API answers for the same range. Screenshots land in
 * {@code target/screenshots/}.
 */
@NeedsChromium
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:file:./target/e2e-data/${random.uuid}/threadline"})
class AnalyticsPageBrowserTest extends ConsoleBrowserTest {

    @Autowired
    Clock clock;

    @Test
    void theChartsAndTotalsShowTheDemoHistoryOfTheLastTwoWeeks() {
        openAnalytics();

        LocalDate today = LocalDate.now(clock.withZone(properties.timeZone()));
        assertThat(shownRange()).containsExactly(today.minusDays(13), today);
        JsonNode total = allChannels(report(today.minusDays(13), today, "total"));
        assertThat(total.get("conversations_started").asLong()).as("the demo history").isGreaterThan(20);
        assertThat(card("conversations_started")).isEqualTo(total.get("conversations_started").asText());
        assertThat(card("bookings")).isEqualTo(total.get("bookings").asText()).isNotEqualTo("0");
        long messages = total.get("messages_in").asLong() + total.get("messages_out").asLong();
        assertThat(card("messages")).isEqualTo(Long.toString(messages));

        assertThat(barValues("volume")).as("the volume bars add up to the messages of the range").isEqualTo(messages);
        List<String> daysWithMessages = rows(report(today.minusDays(13), today, "day")).stream()
                .filter(r -> r.get("channel").asText().equals("all") && r.get("messages_in").asLong() + r.get("messages_out").asLong() > 0)
                .map(r -> r.get("period_start").asText()).toList();
        assertThat(browser.driver.findElements(By.cssSelector("[data-chart='volume'] rect.chart-bar")).stream()
                .map(bar -> bar.getAttribute("data-day")).distinct().sorted().toList()).isEqualTo(daysWithMessages);
        assertThat(barValues("bookings")).as("conversations started plus bookings")
                .isEqualTo(total.get("conversations_started").asLong() + total.get("bookings").asLong());
        assertThat(browser.driver.findElements(By.cssSelector("[data-chart='satisfaction'] circle.chart-point"))).isNotEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("section[data-chart='volume'] table tbody tr")))
                .as("the chart's numbers for screen readers, a row a day").hasSize(14);
        assertThat(browser.driver.findElement(By.cssSelector("svg[data-chart='volume'] title")).getAttribute("textContent"))
                .startsWith("Messages per day");
        assertThat(browser.driver.findElements(By.cssSelector("[data-chart='volume'] .chart-legend li")))
                .extracting(WebElement::getText).contains("SMS", "Email", "Voice");
        browser.screenshot("analytics-desktop");

        browser.resize(ConsoleBrowser.PHONE);
        browser.wait.until(d -> d.findElement(By.cssSelector("[data-chart='volume'] svg")).getSize().width < 400);
        browser.driver.executeScript("arguments[0].scrollIntoView()", browser.driver.findElement(By.cssSelector(".analytics-summary")));
        browser.screenshot("analytics-phone");
    }

    @Test
    void aShorterOrCustomRangeChangesTheNumbers() {
        openAnalytics();
        LocalDate today = LocalDate.now(clock.withZone(properties.timeZone()));
        String twoWeeks = card("messages");

        click(By.cssSelector(".analytics-presets [data-days='7']"));
        waitForRange(today.minusDays(6), today);
        long lastWeek = messages(allChannels(report(today.minusDays(6), today, "total")));
        assertThat(card("messages")).isEqualTo(Long.toString(lastWeek)).isNotEqualTo(twoWeeks);
        assertThat(barValues("volume")).isEqualTo(lastWeek);

        LocalDate oneDay = today.minusDays(3);
        browser.driver.executeScript("arguments[0].value = arguments[2]; arguments[1].value = arguments[2];",
                browser.driver.findElement(By.id("analytics-from")), browser.driver.findElement(By.id("analytics-to")), oneDay.toString());
        click(By.id("analytics-apply"));
        waitForRange(oneDay, oneDay);
        assertThat(card("messages")).isEqualTo(Long.toString(messages(allChannels(report(oneDay, oneDay, "total")))));
        assertThat(browser.driver.findElements(By.cssSelector("[data-chart='volume'] rect.chart-bar")))
                .isNotEmpty().extracting(bar -> bar.getAttribute("data-day")).containsOnly(oneDay.toString());
    }

    /**
     * The page hands the CSV to the browser as a Blob behind an object URL on a link with {@code download}: the test
     * keeps that Blob and the link's file name instead of letting headless chromium save it, and reads it back.
     */
    @Test
    void downloadCsvGivesTheSameRangeAsAFile() {
        openAnalytics();
        LocalDate today = LocalDate.now(clock.withZone(properties.timeZone()));
        browser.driver.executeScript("""
                window.downloads = [];
                const blobs = new Map();
                const createObjectURL = URL.createObjectURL;
                URL.createObjectURL = (blob) => { const url = createObjectURL.call(URL, blob); blobs.set(url, blob); return url; };
                HTMLAnchorElement.prototype.click = function () {
                  window.downloads.push({ name: this.download, blob: blobs.get(this.href) });
                };""");

        click(By.id("analytics-download"));
        browser.wait.until(d -> ((Number) browser.driver.executeScript("return window.downloads.length")).intValue() == 1);
        @SuppressWarnings("unchecked")
        Map<String, String> file = (Map<String, String>) browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const download = window.downloads[0];
                download.blob.text().then((text) => done({ name: download.name, type: download.blob.type, text }));""");

        assertThat(file.get("name")).isEqualTo("analytics.csv");
        assertThat(file.get("type")).startsWith("text/csv");
        String[] lines = file.get("text").split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", Analytics.CSV_HEADER));
        JsonNode yesterday = rows(report(today.minusDays(13), today, "day")).stream()
                .filter(r -> r.get("channel").asText().equals("all") && r.get("period_start").asText().equals(today.minusDays(1).toString()))
                .findFirst().orElseThrow();
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(String.join(",", today.minusDays(1).toString(), "all",
                yesterday.get("conversations_started").asText(), yesterday.get("messages_in").asText(),
                yesterday.get("messages_out").asText()) + ",").endsWith("," + yesterday.get("bookings").asText()));
        assertThat(lines).extracting(line -> line.substring(0, 10)).filteredOn(day -> !day.startsWith("period"))
                .allSatisfy(day -> assertThat(LocalDate.parse(day)).isBetween(today.minusDays(13), today));
    }

    @Test
    void anAgentHasNoAnalytics() {
        signInAsTheFrontDeskAgent();

        WebElement link = browser.driver.findElement(By.cssSelector("#page-nav a[data-page='analytics']"));
        assertThat(link.isDisplayed()).isFalse();
        assertThat(browser.driver.findElement(By.cssSelector("#page-nav a[data-page='inbox']")).isDisplayed()).isTrue();
        browser.driver.get("http://localhost:" + port + "/#/analytics");
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("live-status"), "data-state", "live"));
        assertThat(browser.driver.findElement(By.id("page-analytics")).isDisplayed()).isFalse();
        assertThat(browser.driver.findElement(By.id("page-inbox")).isDisplayed()).isTrue();
    }

    private void openAnalytics() {
        openPage("analytics");
        browser.wait.until(d -> "false".equals(d.findElement(By.cssSelector("#page-analytics .analytics-body")).getAttribute("aria-busy")));
    }

    private void waitForRange(LocalDate first, LocalDate last) {
        browser.wait.until(d -> shownRange().equals(List.of(first, last))
                && "false".equals(d.findElement(By.cssSelector("#page-analytics .analytics-body")).getAttribute("aria-busy")));
    }

    private List<LocalDate> shownRange() {
        WebElement range = browser.driver.findElement(By.id("analytics-range"));
        return List.of(LocalDate.parse(range.getAttribute("data-first")), LocalDate.parse(range.getAttribute("data-last")));
    }

    /** The admin API's report of the local days {@code first} to {@code last} in the business's zone. */
    private JsonNode report(LocalDate first, LocalDate last, String granularity) {
        return api.get("/analytics?from=" + first.atStartOfDay(properties.timeZone()).toInstant() + "&to="
                + last.plusDays(1).atStartOfDay(properties.timeZone()).toInstant() + "&zone=" + properties.timeZone().getId()
                + "&granularity=" + granularity);
    }

    private static List<JsonNode> rows(JsonNode report) {
        return StreamSupport.stream(report.get("rows").spliterator(), false).toList();
    }

    private static JsonNode allChannels(JsonNode report) {
        return rows(report).stream().filter(r -> r.get("channel").asText().equals("all")).findFirst().orElseThrow();
    }

    private static long messages(JsonNode row) {
        return row.get("messages_in").asLong() + row.get("messages_out").asLong();
    }

    private String card(String measure) {
        return browser.driver.findElement(By.cssSelector("[data-measure='" + measure + "'] .stat-value")).getText();
    }

    private long barValues(String chart) {
        return browser.driver.findElements(By.cssSelector("[data-chart='" + chart + "'] rect.chart-bar")).stream()
                .mapToLong(bar -> Long.parseLong(bar.getAttribute("data-value"))).sum();
    }
}

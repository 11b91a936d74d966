package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /analytics} and {@code /analytics.csv} on tenant {@code metrics}, which no other test writes to:
 * the JSON test measures only {@code sms}, the CSV test only {@code email}.
 */
class AnalyticsRoutesTest extends AutomationTestBase {

    HttpApi metrics;
    String period;

    @BeforeEach
    void metricsClient() {
        metrics = new HttpApi(port, BASE, "key-metrics");
        Instant now = Instant.now();
        period = "from=" + now.minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)
                + "&to=" + now.plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void theReportMeasuresTheChannelAndAddsAnAllChannelsRow() {
        String conversationId = startConversation(metrics, "Do you have time on Friday?");
        metrics.post("/conversations/" + conversationId + "/reply", "{\"content\":\"Yes, 3 PM\"}");

        HttpApi.Response response = metrics.get("/analytics?" + period + "&zone=America/New_York&granularity=total&channel=sms");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("zone").asString()).isEqualTo("America/New_York");
        assertThat(report.get("granularity").asString()).isEqualTo("total");
        assertThat(report.get("from").asString()).endsWith("Z");
        assertThat(report.get("rows").valueStream().map(r -> r.get("channel").asString()).toList()).containsExactly("sms", "all");
        JsonNode sms = report.at("/rows/0");
        assertThat(sms.get("conversations_started").asLong()).isEqualTo(1);
        assertThat(sms.get("messages_in").asLong()).isEqualTo(1);
        assertThat(sms.get("messages_out").asLong()).isEqualTo(1);
        assertThat(sms.get("first_response_avg_seconds").asLong()).isNotNegative();
        assertThat(sms.get("ai_reply_share").asDouble()).isZero();
        assertThat(sms.get("satisfaction_avg").isNull()).isTrue();
        assertThat(sms.get("bookings").isIntegralNumber()).isTrue();
        assertThat(sms.get("bookings").asLong()).isZero();
        assertThat(sms.get("period_start").asString()).matches("\\d{4}-\\d\\d-\\d\\d");
    }

    @Test
    void csvIsAnAttachmentWithTheJsonRowFieldsAsColumns() {
        metrics.post("/send", """
                {"channel":"email","customer_name":"Ana","customer_email":"ana@example.com","subject":"Hi","content":"Hello","generate_ai_response":false}""");

        HttpApi.Response response = metrics.get("/analytics.csv?" + period + "&granularity=total&channel=email");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualToIgnoringCase("text/csv;charset=UTF-8");
        assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"analytics.csv\"");
        String[] lines = response.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("period_start,channel,conversations_started,messages_in,messages_out,"
                + "first_response_avg_seconds,response_median_seconds,delivery_success_rate,ai_reply_share,satisfaction_avg,bookings");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains(",email,1,1,0,");
        assertThat(lines[2]).contains(",all,1,1,0,");
    }

    @Test
    void toNotAfterFromIsAValidationErrorOnTo() {
        assertValidationError(metrics.get("/analytics?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z"), "to");
    }

    @Test
    void aMissingFromIsAValidationErrorOnFrom() {
        assertValidationError(metrics.get("/analytics.csv?to=2026-11-01T00:00:00Z"), "from");
    }

    @Test
    void anUnreadableTimeIsAValidationError() {
        assertValidationError(metrics.get("/analytics?from=yesterday&to=2026-11-01T00:00:00Z"), "from");
    }

    @Test
    void anUnknownZoneOrGranularityIsAValidationError() {
        assertValidationError(metrics.get("/analytics?" + period + "&zone=Nowhere/City"), "zone");
        assertValidationError(metrics.get("/analytics?" + period + "&granularity=hour"), "granularity");
    }

    @Test
    void anUnknownChannelIsUnknownChannel() {
        assertError(metrics.get("/analytics?" + period + "&channel=fax"), 400, "unknown_channel");
    }
}

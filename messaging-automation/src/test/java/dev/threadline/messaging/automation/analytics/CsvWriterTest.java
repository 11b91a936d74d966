package dev.threadline.messaging.automation.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    private static String write(List<String> fields) {
        StringBuilder out = new StringBuilder();
        new CsvWriter(out).row(fields);
        return out.toString();
    }

    @Test
    void plainFieldsAreWrittenAsIsAndTheRecordEndsWithCrLf() {
        assertThat(write(List.of("sms", "12", ""))).isEqualTo("sms,12,\r\n");
    }

    @Test
    void fieldWithACommaIsQuoted() {
        assertThat(write(List.of("Rivera, Ana"))).isEqualTo("\"Rivera, Ana\"\r\n");
    }

    @Test
    void quoteInsideAFieldIsDoubled() {
        assertThat(write(List.of("say \"hi\""))).isEqualTo("\"say \"\"hi\"\"\"\r\n");
    }

    @Test
    void fieldWithALineBreakIsQuoted() {
        assertThat(write(List.of("line1\nline2", "a\rb"))).isEqualTo("\"line1\nline2\",\"a\rb\"\r\n");
    }

    @Test
    void leadingAndTrailingSpacesAreKeptWithoutQuotes() {
        assertThat(write(List.of(" padded "))).isEqualTo(" padded \r\n");
    }
}

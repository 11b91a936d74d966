package dev.threadline.messaging.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.ChannelId;
import org.junit.jupiter.api.Test;

class ThreadKeysTest {

    @Test
    void replyAndForwardPrefixesAreStripped() {
        assertThat(ThreadKeys.normalizeSubject("Re: RE: Fwd: Botox  pricing")).isEqualTo("botox pricing");
        assertThat(ThreadKeys.normalizeSubject("AW: Termin")).isEqualTo("termin");
        assertThat(ThreadKeys.normalizeSubject("Re[2]: Hours")).isEqualTo("hours");
    }

    @Test
    void prefixesInsideTheSubjectStay() {
        assertThat(ThreadKeys.normalizeSubject("Question re: parking")).isEqualTo("question re: parking");
    }

    @Test
    void emailKeysIncludeTheSubjectButSmsKeysDoNot() {
        assertThat(ThreadKeys.of(ChannelId.EMAIL, "a@b.co", "us@b.co", "Re: Hours"))
                .isEqualTo(ThreadKeys.of(ChannelId.EMAIL, "a@b.co", "us@b.co", "hours"));
        assertThat(ThreadKeys.of(ChannelId.SMS, "+15551234567", "+15550000000", "x"))
                .isEqualTo(ThreadKeys.of(ChannelId.SMS, "+15551234567", "+15550000000", null));
    }
}

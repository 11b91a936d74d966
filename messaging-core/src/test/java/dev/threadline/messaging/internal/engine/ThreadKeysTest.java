package dev.threadline.messaging.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.ChannelId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThreadKeysTest {

    @Test
    void replyAndForwardPrefixesAreStripped() {
        assertThat(ThreadKeys.normalizeSubject("Re: RE: Fwd: Botox  pricing")).isEqualTo("botox pricing");
        assertThat(ThreadKeys.normalizeSubject("AW: Termin")).isEqualTo("termin");
        assertThat(ThreadKeys.normalizeSubject("Re[2]: Hours")).isEqualTo("hours");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AW: Termin morgen", "WG: Termin morgen", "SV: Termin morgen", "VS: Termin morgen", "VB: Termin morgen",
            "Antw: Termin morgen", "Doorst: Termin morgen", "RE : Termin morgen", "TR: Termin morgen", "RV: Termin morgen",
            "RES: Termin morgen", "ENC: Termin morgen", "R: Termin morgen", "RIF: Termin morgen", "Odp: Termin morgen",
            "PD: Termin morgen", "Отв: Termin morgen", "Відп: Termin morgen", "Пересл: Termin morgen", "YNT: Termin morgen",
            "回复：Termin morgen", "转发: Termin morgen", "Re: AW: Fwd: SV: Termin morgen", "aw:Termin  morgen"})
    void replyAndForwardPrefixesOfEveryLanguageAreStripped(String subject) {
        assertThat(ThreadKeys.normalizeSubject(subject)).isEqualTo("termin morgen");
    }

    @Test
    void wordsThatMerelyStartLikeAPrefixStay() {
        assertThat(ThreadKeys.normalizeSubject("Resume: my visit")).isEqualTo("resume: my visit");
        assertThat(ThreadKeys.normalizeSubject("Transfer: booking")).isEqualTo("transfer: booking");
        assertThat(ThreadKeys.normalizeSubject("Pdf attached")).isEqualTo("pdf attached");
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

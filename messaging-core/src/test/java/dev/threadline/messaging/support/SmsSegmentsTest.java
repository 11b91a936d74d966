package dev.threadline.messaging.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void gsm7FitsOneSegmentUpTo160() {
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(1);
        assertThat(SmsSegments.count("a".repeat(161))).isEqualTo(2);
    }

    @Test
    void concatenatedGsm7PartsHold153() {
        assertThat(SmsSegments.count("a".repeat(306))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(307))).isEqualTo(3);
    }

    @Test
    void extensionCharactersCountDouble() {
        assertThat(SmsSegments.isGsm7("Price: 10€ {promo}")).isTrue();
        assertThat(SmsSegments.count("€".repeat(80))).isEqualTo(1);
        assertThat(SmsSegments.count("€".repeat(81))).isEqualTo(2);
    }

    @Test
    void anyOtherCharacterSwitchesToUcs2() {
        assertThat(SmsSegments.isGsm7("Thanks 😊")).isFalse();
        assertThat(SmsSegments.count("é".repeat(70))).isEqualTo(1); // é is GSM-7
        assertThat(SmsSegments.count("ж".repeat(70))).isEqualTo(1);
        assertThat(SmsSegments.count("ж".repeat(71))).isEqualTo(2);
        assertThat(SmsSegments.count("ж".repeat(134))).isEqualTo(2);
        assertThat(SmsSegments.count("ж".repeat(135))).isEqualTo(3);
    }

    @Test
    void emojiOutsideTheBmpTakeTwoCodeUnits() {
        assertThat(SmsSegments.count("😊".repeat(35))).isEqualTo(1);
        assertThat(SmsSegments.count("😊".repeat(36))).isEqualTo(2);
    }
}

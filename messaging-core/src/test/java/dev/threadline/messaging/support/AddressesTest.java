package dev.threadline.messaging.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.NonRetriableMessagingException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"+15551234567", "555-123-4567", "(555) 123 4567", "+1 555 123 4567", "whatsapp:+15551234567"})
    void phoneNumbersNormalizeToE164(String raw) {
        assertThat(PhoneNumbers.toE164(raw, "US", "customer_phone")).isEqualTo("+15551234567");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "hello", "+1555", ""})
    void impossiblePhoneNumbersAreRejectedOnTheirField(String raw) {
        assertThatThrownBy(() -> PhoneNumbers.toE164(raw, "US", "customer_phone"))
                .isInstanceOfSatisfying(NonRetriableMessagingException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(e.field()).isEqualTo("customer_phone");
                });
    }

    @org.junit.jupiter.api.Test
    void theSameDigitsMeanDifferentNumbersInDifferentRegions() {
        assertThat(PhoneNumbers.toE164("020 7946 0958", "GB", "customer_phone")).isEqualTo("+442079460958");
        assertThat(PhoneNumbers.toE164("020 7946 0958", "GB", "customer_phone")).isEqualTo("+442079460958");
        assertThatThrownBy(() -> PhoneNumbers.toE164("020 7946 0958", "US", "customer_phone"))
                .isInstanceOf(NonRetriableMessagingException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ana@Example.COM", " ana@example.com ", "ana@example.com"})
    void emailsAreLowerCasedAndTrimmed(String raw) {
        assertThat(EmailAddresses.normalize(raw, "customer_email")).isEqualTo("ana@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana", "ana@", "@example.com", "ana@example", "ana @example.com", "ana@ex..com", "a..b@example.com"})
    void malformedEmailsAreRejected(String raw) {
        assertThatThrownBy(() -> EmailAddresses.normalize(raw, "customer_email"))
                .isInstanceOfSatisfying(NonRetriableMessagingException.class, e -> assertThat(e.field()).isEqualTo("customer_email"));
    }
}

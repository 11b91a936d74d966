package dev.threadline.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"sms", "a", "line-2", "my_channel", "abcdefghijklmnopqrstuvwxyz012345"})
    void lowerCaseIdsOfUpToThirtyTwoCharactersStartingWithALetterAreValid(String value) {
        assertThat(ChannelId.of(value).value()).isEqualTo(value);
        assertThat(new ChannelId(value)).isEqualTo(ChannelId.of(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "SMS", "Sms", "1sms", "-sms", "_sms", "s ms", "sms!", "sms.eu", "émail", "abcdefghijklmnopqrstuvwxyz0123456"})
    void anythingElseIsAnUnknownChannelOnTheChannelField(String value) {
        assertThatThrownBy(() -> ChannelId.of(value)).isInstanceOfSatisfying(NonRetriableMessagingException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_CHANNEL);
            assertThat(e.field()).isEqualTo("channel");
        });
        assertThatThrownBy(() -> new ChannelId(value)).isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.threadline.messaging.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.AiMode;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.spring.MessagingProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class AiModesTest {

    private static AiModes modes(String... properties) {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource();
        for (String property : properties) {
            String[] pair = property.split("=", 2);
            source.put(pair[0], pair[1]);
        }
        return new AiModes(new Binder(source).bindOrCreate("messaging", MessagingProperties.class));
    }

    @Test
    void withNothingConfiguredTheModeIsAuto() {
        assertThat(modes().apply("acme", ChannelId.SMS)).isEqualTo(AiMode.AUTO);
    }

    @Test
    void theGlobalModeApplies() {
        assertThat(modes("messaging.ai.mode=off").apply("acme", ChannelId.SMS)).isEqualTo(AiMode.OFF);
    }

    @Test
    void aGlobalChannelOverrideBeatsTheGlobalMode() {
        AiModes modes = modes("messaging.ai.mode=auto", "messaging.ai.channels.email=draft");

        assertThat(modes.apply("acme", ChannelId.EMAIL)).isEqualTo(AiMode.DRAFT);
        assertThat(modes.apply("acme", ChannelId.SMS)).isEqualTo(AiMode.AUTO);
    }

    @Test
    void aTenantModeBeatsGlobalSettings() {
        AiModes modes = modes("messaging.ai.channels.email=off", "messaging.tenants.acme.ai.mode=draft");

        assertThat(modes.apply("acme", ChannelId.EMAIL)).isEqualTo(AiMode.DRAFT);
        assertThat(modes.apply("globex", ChannelId.EMAIL)).isEqualTo(AiMode.OFF);
    }

    @Test
    void aTenantChannelOverrideIsTheMostSpecific() {
        AiModes modes = modes("messaging.tenants.acme.ai.mode=draft", "messaging.tenants.acme.ai.channels.sms=auto");

        assertThat(modes.apply("acme", ChannelId.SMS)).isEqualTo(AiMode.AUTO);
        assertThat(modes.apply("acme", ChannelId.EMAIL)).isEqualTo(AiMode.DRAFT);
    }
}

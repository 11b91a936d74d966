package dev.threadline.examples.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.examples.console.ConsoleProperties;
import dev.threadline.examples.console.TenantApiKeys;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ConsoleSettingsControllerTest {

    private final TenantApiKeys keys = new TenantApiKeys(new MockEnvironment()
            .withProperty("messaging.security.api-keys.[other-key]", "other-tenant")
            .withProperty("messaging.security.api-keys.[spa-key]", "glow-med-spa"));

    @Test
    void demoConfigurationHandsThePageTheAppsOwnKey() {
        assertThat(controller(true).settings()).containsEntry("demo_api_key", "spa-key");
    }

    @Test
    void withoutTheDemoSwitchTheKeyIsNeverExposed() {
        assertThat(controller(false).settings()).containsEntry("demo_api_key", null);
    }

    @Test
    void pageLearnsTheConfiguredApiBasePath() {
        assertThat(controller(false).settings()).containsEntry("api_base_path", "/custom/messaging");
    }

    private ConsoleSettingsController controller(boolean exposeDemoKey) {
        return new ConsoleSettingsController(new ConsoleProperties("glow-med-spa", ZoneId.of("America/New_York"), false, exposeDemoKey),
                keys, "/custom/messaging");
    }
}

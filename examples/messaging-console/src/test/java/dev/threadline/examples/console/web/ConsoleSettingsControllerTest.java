package dev.threadline.examples.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.examples.console.ConsoleProperties;
import dev.threadline.examples.console.TenantApiKeys;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;

class ConsoleSettingsControllerTest {

    private final TenantApiKeys keys = new TenantApiKeys(new MockEnvironment()
            .withProperty("messaging.security.api-keys.[other-key]", "other-tenant")
            .withProperty("messaging.security.api-keys.[spa-key]", "glow-med-spa"));

    @Test
    void demoConfigurationHandsAPageOnThisMachineTheAppsOwnKey() {
        assertThat(controller(true).settings(from("127.0.0.1"))).containsEntry("demo_api_key", "spa-key");
        assertThat(controller(true).settings(from("0:0:0:0:0:0:0:1"))).containsEntry("demo_api_key", "spa-key");
    }

    @Test
    void aPageLoadedFromAnotherMachineNeverGetsTheKey() {
        assertThat(controller(true).settings(from("203.0.113.9"))).containsEntry("demo_api_key", null);
        assertThat(controller(true).settings(from("192.168.1.20"))).containsEntry("demo_api_key", null);
    }

    @Test
    void withoutTheDemoSwitchTheKeyIsNeverExposed() {
        assertThat(controller(false).settings(from("127.0.0.1"))).containsEntry("demo_api_key", null);
    }

    @Test
    void pageLearnsTheConfiguredApiBasePathAndTheBusinessTimeZone() {
        assertThat(controller(false).settings(from("127.0.0.1")))
                .containsEntry("api_base_path", "/custom/messaging")
                .containsEntry("time_zone", "America/New_York");
    }

    private static MockHttpServletRequest from(String remoteAddress) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/console/settings");
        request.setRemoteAddr(remoteAddress);
        return request;
    }

    private ConsoleSettingsController controller(boolean exposeDemoKey) {
        return new ConsoleSettingsController(new ConsoleProperties("glow-med-spa", ZoneId.of("America/New_York"), false, exposeDemoKey),
                keys, "/custom/messaging");
    }
}

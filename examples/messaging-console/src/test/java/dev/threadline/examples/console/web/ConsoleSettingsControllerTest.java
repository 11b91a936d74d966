package dev.threadline.examples.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.examples.console.ConsoleProperties;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;

class ConsoleSettingsControllerTest {

    private final ConsoleSettingsController controller = new ConsoleSettingsController(
            new ConsoleProperties("glow-med-spa", ZoneId.of("America/New_York"), true, true,
                    new ConsoleProperties.Owner("owner@glow-med-spa.example", "a-demo-password")), "/custom/messaging");

    @Test
    void pageLearnsTheConfiguredApiBasePathAndTheBusinessTimeZone() {
        assertThat(controller.settings(new MockHttpServletRequest()))
                .containsEntry("api_base_path", "/custom/messaging")
                .containsEntry("time_zone", "America/New_York");
    }

    @Test
    void thePageGetsItsSessionsCsrfTokenAndNoSecret() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token-1"));

        assertThat(controller.settings(request))
                .containsEntry("csrf_header", "X-CSRF-TOKEN")
                .containsEntry("csrf_token", "token-1")
                .doesNotContainKey("demo_api_key")
                .doesNotContainValue("a-demo-password");
    }
}

package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.spring.TestApplication;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public contact route lets one client address post five times a minute by default. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "messaging.security.api-keys.key-shop=shop")
class PublicContactRateLimitTest {

    @LocalServerPort
    int port;

    @Test
    void theSixthPostOfAMinuteIsRateLimitedWithRetryAfter() {
        HttpApi form = new HttpApi(port, "/api/public/messaging", null);
        for (int i = 1; i <= 5; i++) {
            HttpApi.Response accepted = form.postBytes("/shop/contact", "application/x-www-form-urlencoded",
                    ("email=visitor" + i + "@example.com&content=Hello").getBytes(StandardCharsets.UTF_8));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        }

        HttpApi.Response limited = form.postBytes("/shop/contact", "application/x-www-form-urlencoded",
                "email=visitor6@example.com&content=Hello".getBytes(StandardCharsets.UTF_8));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.errorCode()).isEqualTo("rate_limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
    }
}

package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

/** The shared app of {@link ApiTestBase} with messaging-automation on the classpath: helpers for its routes. */
abstract class AutomationTestBase extends ApiTestBase {

    private static final AtomicInteger NAMES = new AtomicInteger();

    /** A template name no other test uses. */
    static String newName(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    /** Stores an SMS template with {@code body} under a fresh name and returns the name. */
    static String smsTemplate(HttpApi api, String body) {
        String name = newName("sms");
        HttpApi.Response response = api.put("/templates/" + name, """
                {"variants":{"sms":{"body":"%s"}}}""".formatted(body));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return name;
    }

    static void assertError(HttpApi.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.errorCode()).isEqualTo(code);
    }
}

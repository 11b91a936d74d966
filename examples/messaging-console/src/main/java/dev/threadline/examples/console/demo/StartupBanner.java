package dev.threadline.examples.console.demo;

import dev.threadline.examples.console.ConsoleProperties;
import dev.threadline.examples.console.TenantApiKeys;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tells whoever started the app where the console is and, for the local demo, how to sign in and which API key
 * scripts may use.
 * Written to standard output rather than the log: it is a message to the person at the terminal, and
 * the key must not end up in log files.
 */
@Component
class StartupBanner {

    private final ConsoleProperties properties;
    private final TenantApiKeys keys;
    private final Environment environment;

    StartupBanner(ConsoleProperties properties, TenantApiKeys keys, Environment environment) {
        this.properties = properties;
        this.keys = keys;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void print() {
        String port = environment.getProperty("local.server.port", "8080");
        StringBuilder banner = new StringBuilder()
                .append("\n  Messaging Console  http://localhost:").append(port).append("/\n")
                .append("  Tenant             ").append(properties.tenant()).append('\n');
        if (properties.printDemoCredentials()) {
            if (properties.owner() != null) {
                banner.append("  Sign in as         ").append(properties.owner().email())
                        .append("  password ").append(properties.owner().password()).append('\n');
            }
            banner.append("  Demo API key       ")
                    .append(keys.keyFor(properties.tenant()).orElse("(none configured for this tenant)")).append('\n');
        }
        System.out.println(banner);
    }
}

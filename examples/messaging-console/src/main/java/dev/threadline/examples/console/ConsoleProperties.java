package dev.threadline.examples.console;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the example app under {@code console.*}.
 *
 * @param tenant the tenant this app's own data (demo conversations) belongs to
 * @param timeZone the spa's local time, for appointment slots
 * @param demoData whether to write demo conversations when the tenant has none
 * @param exposeDemoKey whether the page may fetch the tenant's API key to sign in by itself; only for a
 *        local demo, never where the key is a real secret
 */
@ConfigurationProperties("console")
public record ConsoleProperties(
        @DefaultValue("default") String tenant,
        @DefaultValue("America/New_York") ZoneId timeZone,
        @DefaultValue("false") boolean demoData,
        @DefaultValue("false") boolean exposeDemoKey) {
}

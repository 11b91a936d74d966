package dev.threadline.examples.console;

import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the example app under {@code console.*}.
 *
 * @param tenant the tenant this app's own data (demo conversations) belongs to
 * @param timeZone the spa's local time, for appointment slots
 * @param demoData whether to write demo conversations when the tenant has none
 * @param printDemoCredentials whether the startup banner shows the demo API key and the owner's sign-in; only
 *        for a local demo, never where they are real secrets
 * @param owner the first owner, who can sign in and add everyone else; created at start when missing
 */
@ConfigurationProperties("console")
public record ConsoleProperties(
        @DefaultValue("default") String tenant,
        @DefaultValue("America/New_York") ZoneId timeZone,
        @DefaultValue("false") boolean demoData,
        @DefaultValue("false") boolean printDemoCredentials,
        @Nullable Owner owner) {

    /**
     * The first owner's sign-in.
     *
     * @param email their email, which is also their login name
     * @param password at least twelve characters; stored as a hash only
     */
    public record Owner(String email, String password) {
    }
}

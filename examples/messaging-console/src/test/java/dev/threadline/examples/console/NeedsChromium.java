package dev.threadline.examples.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * A browser test: it runs where Debian's chromium and chromedriver are installed, and under {@code CI=true} it runs
 * (and fails) even without them, so a build machine missing the browser cannot pass by skipping.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIf(value = "dev.threadline.examples.console.ConsoleBrowser#installedOrRequired",
        disabledReason = "needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver); "
                + "set CI=true to make their absence a failure")
@interface NeedsChromium {
}

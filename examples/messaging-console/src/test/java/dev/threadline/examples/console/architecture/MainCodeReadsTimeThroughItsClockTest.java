package dev.threadline.examples.console.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.threadline.examples.console.MessagingConsoleApplication;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.automation.MessagingAutomation;
import dev.threadline.messaging.jpa.JpaConversationStore;
import dev.threadline.messaging.openai.OpenAiResponder;
import dev.threadline.messaging.sendgrid.SendGridChannel;
import dev.threadline.messaging.spring.MessagingAutoConfiguration;
import dev.threadline.messaging.testkit.MutableClock;
import dev.threadline.messaging.twilio.TwilioChannel;
import java.util.List;

/**
 * {@link ClockRules} over the main code of every module: core, jpa, twilio, sendgrid, openai, automation,
 * the starter, the test kit and this app. This app's test classpath is the one that holds them all, so the
 * rules run here once rather than in each module. The benchmarks are left out: they time real runs and
 * stamp their reports with the wall clock on purpose.
 */
@AnalyzeClasses(packages = "dev.threadline", importOptions = ImportOption.DoNotIncludeTests.class)
class MainCodeReadsTimeThroughItsClockTest {

    @ArchTest
    static final ArchRule noWallClockReads = ClockRules.NO_WALL_CLOCK_READS;

    @ArchTest
    static final ArchRule systemClockOnlyAsAReplaceableDefault = ClockRules.SYSTEM_CLOCK_ONLY_AS_A_REPLACEABLE_DEFAULT;

    /** The rules prove nothing about a module whose classes were not imported. */
    @ArchTest
    static void rulesSeeTheMainCodeOfEveryModuleAndNoTests(JavaClasses classes) {
        List<Class<?>> oneClassPerModule = List.of(MessageManager.class, JpaConversationStore.class, TwilioChannel.class,
                SendGridChannel.class, OpenAiResponder.class, MessagingAutomation.class, MessagingAutoConfiguration.class,
                MutableClock.class, MessagingConsoleApplication.class);

        assertThat(oneClassPerModule).allSatisfy(type -> assertThat(classes.contain(type)).as(type.getName()).isTrue());
        assertThat(classes.contain(MainCodeReadsTimeThroughItsClockTest.class)).as("test classes imported").isFalse();
    }
}

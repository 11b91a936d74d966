package dev.threadline.messaging.automation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.automation.campaign.CampaignSettings;
import dev.threadline.messaging.automation.schedule.ReminderRequest;
import dev.threadline.messaging.automation.schedule.ScheduledMessage;
import dev.threadline.messaging.automation.template.MessageTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs the README's example, and checks the README shows exactly this code. */
class ReadmeExampleTest {

    private static final Path SOURCE = Path.of("src/test/java/dev/threadline/messaging/automation/ReadmeExampleTest.java");
    private static final Path README = Path.of("README.md");

    private final AutomationFixture fx = new AutomationFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private ScheduledMessage example(MessageManager manager, Clock clock) {
        // tag::example[]
        MessagingAutomation automation = MessagingAutomation.builder(manager)  // the manager's clock
                .clock(clock)
                .campaignSettings(CampaignSettings.DEFAULTS.withMessagesPerMinute(30))
                .build();  // follows the manager's events until close()

        automation.templates().save(MessageTemplate.builder("glow-spa", "reminder")
                .sms("Hi {{customer.name}}, see you {{appointment.time}}. Reply C to confirm.")
                .email("Your visit on {{appointment.time}}", "Dear {{customer.name}}, see you on {{appointment.time}}.")
                .build());

        ScheduledMessage reminder = automation.reminders().schedule(ReminderRequest.builder("glow-spa", ChannelId.SMS, "reminder")
                .customerName("Ana").customerPhone("+15551234567")
                .before(ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneId.of("America/New_York")), Period.ofDays(1))
                .build());
        // end::example[]
        automation.close();
        return reminder;
    }

    @Test
    void exampleSchedulesTheReminderForTheDayBeforeAndSendsItThen() {
        ScheduledMessage reminder = example(fx.manager, fx.clock);
        fx.advance(Duration.between(fx.clock.instant(), reminder.sendAt()));
        fx.deliverDue();

        assertThat(reminder.sendAt()).isEqualTo(Instant.parse("2026-11-22T15:00:00Z"));
        assertThat(fx.sms.sent()).singleElement()
                .satisfies(d -> assertThat(d.message().body()).isEqualTo("Hi Ana, see you Mon, Nov 23 at 10:00 AM. Reply C to confirm."));
    }

    @Test
    void readmeShowsTheExampleAsTested() throws IOException {
        String source = Files.readString(SOURCE);
        String snippet = source.substring(source.indexOf("// tag::example[]") + "// tag::example[]".length(),
                source.indexOf("        // end::example[]"));
        String unindented = snippet.strip().lines().map(line -> line.startsWith("        ") ? line.substring(8) : line)
                .reduce((a, b) -> a + "\n" + b).orElseThrow();

        assertThat(Files.readString(README)).contains(unindented);
    }
}

package dev.threadline.examples.console.demo;

import dev.threadline.examples.console.ConsoleProperties;
import dev.threadline.messaging.automation.MessagingAutomation;
import dev.threadline.messaging.automation.template.MessageTemplate;
import dev.threadline.messaging.automation.template.Templates;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The med spa's everyday wording, so the reply box's template picker has something to offer on first start: an
 * appointment reminder (with a variable the conversation cannot fill, to show what staff must add) and two canned
 * replies. A template the business already has under one of these names is left as it is.
 */
@Component
@ConditionalOnProperty(name = "console.demo-data", havingValue = "true")
class DemoTemplates implements ApplicationRunner {

    private final Templates templates;
    private final String tenant;

    DemoTemplates(MessagingAutomation automation, ConsoleProperties properties) {
        this.templates = automation.templates();
        this.tenant = properties.tenant();
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> existing = templates.list(tenant).stream().map(MessageTemplate::name).toList();
        for (MessageTemplate template : List.of(
                MessageTemplate.builder(tenant, "appointment-reminder")
                        .sms("Hi {{customer.name}}, a reminder of your appointment at Glow Med Spa on {{appointment.time}}. Reply C to confirm.")
                        .email("Your appointment at Glow Med Spa",
                                "Hi {{customer.name}},\n\nThis is a reminder of your appointment on {{appointment.time}}.\n\nSee you soon,\nGlow Med Spa")
                        .build(),
                MessageTemplate.builder(tenant, "thanks-for-visiting").cannedReply()
                        .fallback(null, "Thank you for visiting Glow Med Spa, {{customer.name}}! We'd love to see you again.")
                        .build(),
                MessageTemplate.builder(tenant, "opening-hours").cannedReply()
                        .fallback(null, "Hi {{customer.name}}, we're open Monday to Friday 9–6 and Saturday 10–4.")
                        .build())) {
            if (!existing.contains(template.name())) {
                templates.save(template);
            }
        }
    }
}

package dev.threadline.messaging.spring.internal.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Registers the automation controllers, which stay package-private; imported only when messaging-automation is present. */
@Configuration(proxyBeanMethods = false)
@Import({TemplateController.class, ScheduledMessageController.class, CampaignController.class, StaffController.class,
        AnalyticsController.class})
public class AutomationRoutes {
}

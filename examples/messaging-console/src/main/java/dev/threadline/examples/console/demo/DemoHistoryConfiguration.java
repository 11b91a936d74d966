package dev.threadline.examples.console.demo;

import dev.threadline.messaging.spring.MessageManagerBuilderCustomizer;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the message manager on {@link DemoTime}'s clock when the demo writes its data, so the demo history is
 * stamped over the past two weeks while it goes through the manager like any other traffic.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "console.demo-data", havingValue = "true")
class DemoHistoryConfiguration {

    @Bean
    DemoTime demoTime(Clock clock) {
        return new DemoTime(clock);
    }

    @Bean
    MessageManagerBuilderCustomizer demoTimeForTheManager(DemoTime time) {
        return builder -> builder.clock(time.managerClock());
    }
}

package dev.threadline.examples.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A med spa's receptionist inbox: the Threadline starter's admin API and webhooks, the console page at
 * {@code /}, an offline knowledge base, and booking tools over an in-memory calendar.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MessagingConsoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(MessagingConsoleApplication.class, args);
    }
}

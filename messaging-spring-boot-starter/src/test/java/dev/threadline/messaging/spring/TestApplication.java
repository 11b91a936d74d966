package dev.threadline.messaging.spring;

import dev.threadline.messaging.offline.KnowledgeBase;
import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

/**
 * A host app with nothing but the starter and a knowledge base for the offline responder. The route tests
 * run on the in-memory store: H2 is on the test classpath for the JPA wiring tests, so the DataSource
 * autoconfiguration is left out here, and {@code test-application.properties} says the in-memory store is meant.
 */
@SpringBootConfiguration
@PropertySource("classpath:test-application.properties")
@EnableAutoConfiguration(excludeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
public class TestApplication {

    @Bean
    KnowledgeBase knowledgeBase() {
        return new KnowledgeBase("Glow Med Spa", List.of("Mon-Fri 9am-6pm"),
                List.of(new KnowledgeBase.Service("Botox", "$12 per unit", "30 minutes", "Smooths fine lines.", List.of("tox"))),
                List.of("Dr. Lee"), List.of());
    }
}

package dev.threadline.messaging.spring.fault;

import com.zaxxer.hikari.HikariDataSource;
import dev.threadline.messaging.offline.KnowledgeBase;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A host app on the JPA store, run in its own JVM by {@link CrashRecoveryTest} so it can be killed like a
 * container is: {@code --crash.jdbc-url=…} names the database. It prints {@code LISTENING <port>} once it serves.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
public class CrashableApp {

    static final String READY = "LISTENING ";

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(@Value("${crash.jdbc-url}") String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(url.startsWith("jdbc:postgresql") ? "postgres" : "sa");
        pool.setMaximumPoolSize(10);
        return pool;
    }

    @Bean
    KnowledgeBase knowledgeBase() {
        return new KnowledgeBase("Glow Med Spa", List.of("Mon-Fri 9am-6pm"),
                List.of(new KnowledgeBase.Service("Botox", "$12 per unit", "30 minutes", "Smooths fine lines.", List.of("tox"))),
                List.of("Dr. Lee"), List.of());
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(CrashableApp.class, args);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        System.out.println(READY + port);
        System.out.flush();
    }
}

package dev.threadline.examples.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The demo profile, whose API key and owner password are printed in the README, is reachable from this machine only. */
class DemoProfileTest {

    @Test
    void theDemoListensOnLoopbackOnlyAndOtherProfilesChooseForThemselves() throws IOException {
        List<PropertySource<?>> documents = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));

        PropertySource<?> demo = documents.stream()
                .filter(d -> "demo".equals(d.getProperty("spring.config.activate.on-profile"))).findFirst().orElseThrow();
        assertThat(demo.getProperty("server.address")).hasToString("127.0.0.1");
        assertThat(demo.getProperty("console.print-demo-credentials")).isEqualTo(true);
        assertThat(demo.getProperty("console.owner.email")).hasToString("owner@glow-med-spa.example");
        assertThat(documents.get(0).getProperty("console.owner.password")).as("no owner password outside the demo").isNull();
        assertThat(documents.get(0).getProperty("server.address")).isNull();
    }
}

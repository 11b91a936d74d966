package dev.threadline.messaging.spring.internal;

import dev.threadline.messaging.AiMode;
import dev.threadline.messaging.spi.AiResponder;
import dev.threadline.messaging.spi.Channel;
import dev.threadline.messaging.spring.MessagingProperties;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Says at startup, one line each, what the app runs on: the store, the channels, the responder and the AI mode,
 * so nobody finds out from lost data that conversations were kept in memory.
 */
public final class StartupReport implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final List<String> lines;

    /** @param store the name of the store's implementation */
    public StartupReport(String store, Collection<Channel> channels, @Nullable AiResponder responder,
                         MessagingProperties properties) {
        this.lines = List.of(
                "Threadline store: " + store + durability(store),
                "Threadline channels: " + channels.stream().map(c -> c.id().value() + " (" + c.getClass().getSimpleName() + ")")
                        .collect(Collectors.joining(", ")),
                "Threadline responder: " + (responder == null ? "none (AI replies off)" : responder.getClass().getSimpleName()),
                "Threadline AI mode: " + aiModes(properties));
    }

    /** What {@link #onApplicationEvent} logs. */
    public List<String> lines() {
        return lines;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        lines.forEach(log::info);
    }

    private static String durability(String store) {
        return store.startsWith("InMemory") ? " (kept in memory: lost on restart)" : "";
    }

    private static String aiModes(MessagingProperties properties) {
        List<String> parts = new ArrayList<>();
        parts.add(lower(Objects.requireNonNullElse(properties.ai().mode(), AiMode.AUTO)));
        properties.ai().channels().forEach((channel, mode) -> parts.add(channel + " " + lower(mode)));
        properties.tenants().forEach((tenant, settings) -> {
            if (settings.ai() != null && settings.ai().mode() != null) {
                parts.add("tenant " + tenant + " " + lower(settings.ai().mode()));
            }
        });
        return String.join(", ", parts);
    }

    private static String lower(AiMode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }
}

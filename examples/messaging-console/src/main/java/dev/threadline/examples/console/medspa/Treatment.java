package dev.threadline.examples.console.medspa;

import dev.threadline.messaging.offline.KnowledgeBase;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A treatment on the menu, with the length the calendar books for it.
 *
 * @param aliases other words customers use for it (e.g. "tox" for Botox)
 */
public record Treatment(String name, String price, Duration length, String description, List<String> aliases) {

    public Treatment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(description, "description");
        aliases = List.copyOf(aliases);
    }

    /** Whether {@code text} names this treatment or one of its aliases (case-insensitive). */
    public boolean isNamedBy(String text) {
        String lower = text.toLowerCase(Locale.ROOT).strip();
        return lower.equals(name.toLowerCase(Locale.ROOT))
                || aliases.stream().anyMatch(a -> lower.equals(a.toLowerCase(Locale.ROOT)));
    }

    /** This treatment as the offline responder's knowledge-base entry. */
    KnowledgeBase.Service asService() {
        return new KnowledgeBase.Service(name, price, length.toMinutes() + " minutes", description, aliases);
    }
}

package dev.threadline.messaging.internal.engine;

import dev.threadline.messaging.ChannelId;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Thread keys: what makes two inbound messages belong to one active conversation. Phone channels
 * thread by (channel, customer, our address); email also by normalized subject.
 */
public final class ThreadKeys {

    /**
     * The reply and forward prefixes mail clients write, per language: English RE/FW/FWD, German AW/WG, Dutch
     * Antw/Doorst, Swedish SV/VB, Norwegian and Danish SV/VS, Finnish VS/VL, French TR (and "RE :"), Spanish RV,
     * Portuguese RES/ENC, Italian R/RIF, Polish Odp/PD, Russian and Ukrainian Отв/Відп/Пересл, Turkish YNT,
     * Chinese 回复/转发; any of them repeated, with a counter ({@code Re[2]:}) or a full-width colon.
     */
    private static final Pattern REPLY_PREFIX = Pattern.compile("^\\s*((re|fw|fwd|aw|wg|antw|doorst|sv|vb|vs|vl|tr|rv|res|enc|r|rif"
            + "|odp|pd|отв|відп|пересл|ynt|回复|转发)\\s*(\\[\\d+])?\\s*[:：]\\s*)+", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private ThreadKeys() {
    }

    /** The thread key of a conversation with {@code customerAddress} on {@code channel}. */
    public static String of(ChannelId channel, String customerAddress, @Nullable String ourAddress, @Nullable String subject) {
        String key = channel.value() + "|" + customerAddress + "|" + (ourAddress == null ? "" : ourAddress.toLowerCase(Locale.ROOT));
        return channel.equals(ChannelId.EMAIL) ? key + "|" + normalizeSubject(subject) : key;
    }

    /** The subject without {@code Re:}/{@code Fwd:} prefixes, whitespace collapsed, lower-cased. */
    public static String normalizeSubject(@Nullable String subject) {
        if (subject == null) {
            return "";
        }
        return REPLY_PREFIX.matcher(subject).replaceFirst("").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}

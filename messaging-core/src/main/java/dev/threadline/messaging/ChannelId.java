package dev.threadline.messaging;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A channel identifier: one of the built-in ids ({@code sms}, {@code email}, {@code voice},
 * {@code whatsapp}, {@code chat}) or the id of a custom channel. Ids are lower-case.
 */
public record ChannelId(String value) {

    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    public static final ChannelId SMS = new ChannelId("sms");
    public static final ChannelId EMAIL = new ChannelId("email");
    public static final ChannelId VOICE = new ChannelId("voice");
    public static final ChannelId WHATSAPP = new ChannelId("whatsapp");
    public static final ChannelId CHAT = new ChannelId("chat");

    public ChannelId {
        Objects.requireNonNull(value, "value");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("channel id must be lower-case letters, digits, '-' or '_': " + value);
        }
    }

    /** Parses a channel id, reporting a malformed one as {@link ErrorCode#UNKNOWN_CHANNEL}. */
    public static ChannelId of(String value) {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new NonRetriableMessagingException(ErrorCode.UNKNOWN_CHANNEL, "unknown channel: " + value, "channel");
        }
        return new ChannelId(value);
    }

    /** Whether addresses on this channel are phone numbers (sms, whatsapp, voice). */
    public boolean isPhoneBased() {
        return equals(SMS) || equals(WHATSAPP) || equals(VOICE);
    }

    @Override
    public String toString() {
        return value;
    }
}

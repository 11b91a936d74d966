package dev.threadline.messaging;

import java.util.Objects;

/**
 * A channel identifier: one of the built-in ids ({@code sms}, {@code email}, {@code voice},
 * {@code whatsapp}, {@code chat}) or the id of a custom channel. Ids are lower-case.
 */
public record ChannelId(String value) {

    private static final int MAX_LENGTH = 32;

    public static final ChannelId SMS = new ChannelId("sms");
    public static final ChannelId EMAIL = new ChannelId("email");
    public static final ChannelId VOICE = new ChannelId("voice");
    public static final ChannelId WHATSAPP = new ChannelId("whatsapp");
    public static final ChannelId CHAT = new ChannelId("chat");

    public ChannelId {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("channel id must be lower-case letters, digits, '-' or '_': " + value);
        }
    }

    /** Parses a channel id, reporting a malformed one as {@link ErrorCode#UNKNOWN_CHANNEL}. */
    public static ChannelId of(String value) {
        if (value == null || !isValid(value)) {
            throw new NonRetriableMessagingException(ErrorCode.UNKNOWN_CHANNEL, "unknown channel: " + value, "channel");
        }
        return new ChannelId(value);
    }

    /**
     * {@code [a-z][a-z0-9_-]{0,31}}, checked a character at a time: every stored conversation and message read makes a
     * channel id, and a regex matcher per row was most of a list page's own CPU time.
     */
    private static boolean isValid(String value) {
        if (value.isEmpty() || value.length() > MAX_LENGTH || !isLowerLetter(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (!isLowerLetter(ch) && !(ch >= '0' && ch <= '9') && ch != '_' && ch != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerLetter(char ch) {
        return ch >= 'a' && ch <= 'z';
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

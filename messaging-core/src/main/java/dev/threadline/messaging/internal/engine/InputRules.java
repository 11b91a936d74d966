package dev.threadline.messaging.internal.engine;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.support.StorableText;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The checks on what callers hand in, shared by the inbound and outbound pipelines. */
final class InputRules {

    private static final Set<ChannelId> BUILT_IN = Set.of(ChannelId.SMS, ChannelId.EMAIL, ChannelId.VOICE, ChannelId.WHATSAPP, ChannelId.CHAT);

    private final Set<ChannelId> sendingChannels;
    private final int maxContentLength;

    InputRules(Set<ChannelId> sendingChannels, int maxContentLength) {
        this.sendingChannels = Set.copyOf(sendingChannels);
        this.maxContentLength = maxContentLength;
    }

    boolean isKnownChannel(ChannelId channel) {
        return BUILT_IN.contains(channel) || sendingChannels.contains(channel);
    }

    void requireKnownChannel(ChannelId channel) {
        if (!isKnownChannel(channel)) {
            throw new NonRetriableMessagingException(ErrorCode.UNKNOWN_CHANNEL, "unknown channel: " + channel, "channel");
        }
    }

    void requireContent(String content, boolean hasMedia) {
        StorableText.require(content, "content");
        if (content.isBlank() && !hasMedia) {
            throw NonRetriableMessagingException.validation("content", "content is required");
        }
        if (content.length() > maxContentLength) {
            throw NonRetriableMessagingException.validation("content", "content is longer than " + maxContentLength + " characters");
        }
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package dev.threadline.messaging.openai.internal;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import java.util.Map;

/** The system prompt of a reply: the host's persona, how to write on the channel, and who the customer is. */
public final class SystemPrompts {

    private static final Map<ChannelId, String> GUIDANCE = Map.of(
            ChannelId.SMS, "You are replying by SMS: keep it short (one to three sentences, under 320 characters), "
                    + "plain text only, no markdown, no bullet lists, no links unless asked.",
            ChannelId.WHATSAPP, "You are replying on WhatsApp: keep it short and conversational, plain text, at most "
                    + "a short list when it really helps; no markdown headings or tables.",
            ChannelId.EMAIL, "You are replying by email: start with a greeting using the customer's name when known, "
                    + "answer fully in short paragraphs, and end with a friendly sign-off from the team. Plain text, no markdown.",
            ChannelId.VOICE, "Your reply will be spoken aloud on a phone call: use a natural spoken style with short "
                    + "sentences, no lists, symbols, links or markdown; say times and prices the way a person would.",
            ChannelId.CHAT, "You are replying in a live web chat: be brief and friendly, plain text, one idea per message.");
    private static final String OTHER_CHANNEL = "Keep the reply short, friendly and in plain text without markdown.";

    private SystemPrompts() {
    }

    /** How to write on {@code channel}; custom channels get plain, short guidance. */
    public static String channelGuidance(ChannelId channel) {
        return GUIDANCE.getOrDefault(channel, OTHER_CHANNEL);
    }

    /** Persona, channel guidance and the conversation's context, in that order. */
    public static String forReply(String persona, Conversation conversation) {
        StringBuilder prompt = new StringBuilder(persona.strip())
                .append("\n\n").append(channelGuidance(conversation.channel()))
                .append("\n\nConversation context:\n- Channel: ").append(conversation.channel().value());
        if (conversation.customerName() != null && !conversation.customerName().isBlank()) {
            prompt.append("\n- Customer name: ").append(conversation.customerName().strip());
        }
        if (conversation.subject() != null && !conversation.subject().isBlank()) {
            prompt.append("\n- Subject: ").append(conversation.subject().strip());
        }
        return prompt.append("\nNever show raw tool errors or internal details to the customer; if a tool fails, "
                + "apologise briefly and offer another way forward.").toString();
    }
}

package dev.threadline.messaging.automation.notify;

import dev.threadline.messaging.Author;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.OutboundMessage;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Notifies staff by SMS or email through the manager's own channels, on each member's
 * {@link StaffMember#notifyVia()}. Members without such a channel (in-app only) are left alone. The
 * messages carry the metadata {@code kind=staff_notification} so consoles can tell them apart.
 */
public final class MessagingStaffNotifier implements StaffNotifier {

    /** Metadata value of {@code kind} on every notification message. */
    public static final String KIND = "staff_notification";

    private final MessageManager manager;
    private final @Nullable String ourAddress;

    /**
     * @param ourAddress the number or address notifications are sent from; null for the channel's default
     */
    public MessagingStaffNotifier(MessageManager manager, @Nullable String ourAddress) {
        this.manager = Objects.requireNonNull(manager, "manager");
        this.ourAddress = ourAddress;
    }

    @Override
    public void notify(StaffMember member, StaffNotification notification) {
        ChannelId channel = member.notifyVia();
        if (channel == null) {
            return;
        }
        boolean email = ChannelId.EMAIL.equals(channel);
        manager.send(OutboundMessage.builder(member.tenantId(), channel)
                .customerName(member.name())
                .customerPhone(email ? null : member.phone())
                .customerEmail(email ? member.email() : null)
                .ourAddress(ourAddress)
                .author(Author.SYSTEM)
                .subject(email ? subject(notification) : null)
                .body(body(notification, email))
                .metadata(Map.of("kind", KIND))
                .build());
    }

    static String subject(StaffNotification notification) {
        if (notification instanceof NewMessageAlert alert) {
            return (alert.urgent() ? "Urgent: " : "") + "new " + alert.channel() + " message from " + nameOf(alert.customerName());
        }
        Digest digest = (Digest) notification;
        return digest.conversations().size() + " conversations waiting for a reply";
    }

    static String body(StaffNotification notification, boolean email) {
        if (notification instanceof NewMessageAlert alert) {
            return subject(alert) + ": " + alert.preview();
        }
        return digestBody((Digest) notification, email);
    }

    private static String digestBody(Digest digest, boolean email) {
        StringBuilder out = new StringBuilder(subject(digest));
        if (!email) {
            return out.toString();
        }
        out.append(" for ").append(hours(digest.threshold())).append(" or more:\n");
        for (UnansweredConversation c : digest.conversations()) {
            out.append("\n- ").append(nameOf(c.customerName())).append(" (").append(c.channel()).append(", waiting ")
                    .append(hours(c.waiting())).append("): ").append(c.lastMessage());
        }
        return out.toString();
    }

    private static String hours(Duration duration) {
        long hours = duration.toHours();
        return hours == 1 ? "1 hour" : hours + " hours";
    }

    private static String nameOf(@Nullable String name) {
        return name == null || name.isBlank() ? "a customer" : name;
    }
}

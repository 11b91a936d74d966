package dev.threadline.messaging.automation.campaign;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Contact;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationPage;
import dev.threadline.messaging.ConversationQuery;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.NonRetriableMessagingException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Turns an explicit list or a segment into contacts with an address on the campaign's channel. */
final class AudienceResolver {

    /** A resolved recipient before it is stored. */
    record Member(String contactId, @Nullable String name, String address, ZoneId zone, ZoneSource zoneSource,
                  Map<String, Object> variables) {
    }

    /** A recipient's zone and where it came from. */
    private record Zone(ZoneId zone, ZoneSource source) {
    }

    private final MessageManager manager;
    private final ContactProfileStore profiles;
    private final ContactAddresses addresses;

    AudienceResolver(MessageManager manager, ContactProfileStore profiles, ContactAddresses addresses) {
        this.manager = manager;
        this.profiles = profiles;
        this.addresses = addresses;
    }

    /** Explicit recipients, found or created as contacts; a contact named twice is kept once. */
    List<Member> explicit(String tenantId, ChannelId channel, List<RecipientSpec> specs, ZoneId defaultZone) {
        Map<String, Member> members = new LinkedHashMap<>();
        for (RecipientSpec spec : specs) {
            if (channel.isPhoneBased() && spec.address().indexOf('@') >= 0) {
                throw NonRetriableMessagingException.validation("recipients.address", channel + " needs phone numbers: " + spec.address());
            }
            ContactAddresses.Found found = addresses.find(tenantId, spec.address(), spec.name(),
                    "recipients.address");
            Contact contact = found.contact();
            Zone zone = spec.zone() != null ? new Zone(spec.zone(), ZoneSource.RECIPIENT)
                    : zoneOf(tenantId, contact.id(), found.address(), defaultZone);
            String name = spec.name() != null ? spec.name() : contact.name();
            members.putIfAbsent(contact.id(), new Member(contact.id(), name, found.address(), zone.zone(), zone.source(),
                    spec.variables()));
        }
        return List.copyOf(members.values());
    }

    /**
     * The segment's contacts. Walks the conversation list of the channel once (newest activity first) to
     * learn each contact's latest activity.
     */
    List<Member> segment(String tenantId, ChannelId channel, Segment segment, ZoneId defaultZone) {
        Map<String, Conversation> latestByContact = latestConversations(tenantId, channel);
        List<String> candidates = segment.tags().isEmpty()
                ? List.copyOf(latestByContact.keySet())
                : profiles.withTags(tenantId, segment.tags()).stream().map(ContactProfile::contactId).toList();
        List<Member> members = new ArrayList<>();
        for (String contactId : candidates) {
            Conversation latest = latestByContact.get(contactId);
            if (!segment.matchesActivity(latest == null ? null : latest.lastActivityAt())) {
                continue;
            }
            Optional<Contact> contact = manager.findContact(tenantId, contactId);
            String address = contact.map(c -> addressOn(channel, c)).orElse(null);
            if (address == null) {
                continue;
            }
            Zone zone = zoneOf(tenantId, contactId, address, defaultZone);
            members.add(new Member(contactId, contact.get().name(), address, zone.zone(), zone.source(), Map.of()));
        }
        if (members.isEmpty()) {
            throw NonRetriableMessagingException.validation("segment", "the segment matches no contact reachable on " + channel);
        }
        return members;
    }

    private Map<String, Conversation> latestConversations(String tenantId, ChannelId channel) {
        Map<String, Conversation> latest = new LinkedHashMap<>();
        ConversationQuery query = ConversationQuery.all().withChannel(channel).withPage(1, ConversationQuery.MAX_PAGE_SIZE);
        while (true) {
            ConversationPage page = manager.listConversations(tenantId, query);
            page.conversations().forEach(c -> latest.putIfAbsent(c.contactId(), c));
            if (page.nextCursor() == null) {
                return latest;
            }
            query = query.withCursor(page.nextCursor());
        }
    }

    private static @Nullable String addressOn(ChannelId channel, Contact contact) {
        if (channel.isPhoneBased()) {
            return contact.phone();
        }
        if (channel.equals(ChannelId.EMAIL)) {
            return contact.email();
        }
        return contact.email() != null ? contact.email() : contact.phone();
    }

    /** The profile's zone, else the one the phone number lies in, else the campaign's default. */
    private Zone zoneOf(String tenantId, String contactId, String address, ZoneId defaultZone) {
        ZoneId profileZone = profiles.find(tenantId, contactId).map(ContactProfile::zone).orElse(null);
        if (profileZone != null) {
            return new Zone(profileZone, ZoneSource.PROFILE);
        }
        return PhoneTimeZones.of(address).map(zone -> new Zone(zone, ZoneSource.PHONE_NUMBER))
                .orElseGet(() -> new Zone(defaultZone, ZoneSource.CAMPAIGN_DEFAULT));
    }
}

package dev.threadline.messaging.automation.campaign;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Contact;
import dev.threadline.messaging.ContactPage;
import dev.threadline.messaging.ContactQuery;
import dev.threadline.messaging.ContactSummary;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.NonRetriableMessagingException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
     * The segment's contacts, read a page at a time from the manager's contact list: the tagged contacts, or
     * without tags those with a conversation on the channel; each kept when its latest activity fits the segment
     * and it has an address on the channel.
     */
    List<Member> segment(String tenantId, ChannelId channel, Segment segment, ZoneId defaultZone) {
        ContactQuery query = (segment.tags().isEmpty() ? ContactQuery.all().withChannel(channel)
                : ContactQuery.all().withIds(profiles.withTags(tenantId, segment.tags()).stream()
                        .map(ContactProfile::contactId).collect(Collectors.toSet())))
                .withPageSize(ContactQuery.MAX_PAGE_SIZE);
        List<Member> members = new ArrayList<>();
        ContactPage page;
        do {
            page = manager.listContacts(tenantId, query);
            for (ContactSummary summary : page.contacts()) {
                Contact contact = summary.contact();
                String address = addressOn(channel, contact);
                if (address != null && segment.matchesActivity(summary.lastActivityAt())) {
                    Zone zone = zoneOf(tenantId, contact.id(), address, defaultZone);
                    members.add(new Member(contact.id(), contact.name(), address, zone.zone(), zone.source(), Map.of()));
                }
            }
            query = query.withCursor(page.nextCursor());
        } while (page.nextCursor() != null);
        if (members.isEmpty()) {
            throw NonRetriableMessagingException.validation("segment", "the segment matches no contact reachable on " + channel);
        }
        return members;
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

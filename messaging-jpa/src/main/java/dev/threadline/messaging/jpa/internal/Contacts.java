package dev.threadline.messaging.jpa.internal;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Contact;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.spi.IdGenerator;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.jspecify.annotations.Nullable;

/** A tenant's contacts and their opt-outs, each call one transaction. */
public final class Contacts {

    private final SessionFactory sessions;
    private final IdGenerator ids;
    private final Clock clock;

    public Contacts(SessionFactory sessions, IdGenerator ids, Clock clock) {
        this.sessions = sessions;
        this.ids = ids;
        this.clock = clock;
    }

    public Contact upsertContact(String tenantId, @Nullable String phone, @Nullable String email, @Nullable String name) {
        return Retries.retrying(Retries.RACE_ATTEMPTS, Failures::isUniqueViolation, () -> sessions.fromTransaction(s -> {
            ContactEntity e = phone != null ? contactBy(s, tenantId, "phone", phone) : null;
            if (e == null && email != null) {
                e = contactBy(s, tenantId, "email", email);
            }
            if (e == null) {
                e = Records.newContact(tenantId, ids.newId(), name, phone, email, clock.instant());
                s.persist(e);
            } else {
                e.name = e.name != null ? e.name : name;
                if (e.phone == null && phone != null && contactBy(s, tenantId, "phone", phone) == null) {
                    e.phone = phone;
                }
                if (e.email == null && email != null && contactBy(s, tenantId, "email", email) == null) {
                    e.email = email;
                }
            }
            s.flush();
            return Records.contact(e);
        }));
    }

    private static @Nullable ContactEntity contactBy(Session s, String tenantId, String field, String value) {
        return s.createSelectionQuery("from ContactEntity c where c.tenantId = :tenant and c." + field + " = :value",
                        ContactEntity.class)
                .setParameter("tenant", tenantId).setParameter("value", value).getSingleResultOrNull();
    }

    public Optional<Contact> findContact(String tenantId, String contactId) {
        return sessions.fromSession(s -> Optional.ofNullable(s.find(ContactEntity.class, new TenantKey(tenantId, contactId))).map(Records::contact));
    }

    public Contact setOptedOut(String tenantId, String contactId, ChannelId channel, boolean optedOut) {
        return sessions.fromTransaction(s -> changeOptOut(s, tenantId, contactId, channel, optedOut));
    }

    static Contact changeOptOut(Session s, String tenantId, String contactId, ChannelId channel, boolean optedOut) {
        ContactEntity e = s.find(ContactEntity.class, new TenantKey(tenantId, contactId), LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw NonRetriableMessagingException.notFound("contact", contactId);
        }
        Set<ChannelId> channels = new HashSet<>(Records.channels(e.optedOutChannels));
        if (optedOut) {
            channels.add(channel);
        } else {
            channels.remove(channel);
        }
        e.optedOutChannels = Records.channels(channels);
        return Records.contact(e);
    }
}

package dev.threadline.messaging.jpa.internal;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Contact;
import dev.threadline.messaging.ContactPage;
import dev.threadline.messaging.ContactQuery;
import dev.threadline.messaging.ContactSummary;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.spi.ContactCursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.query.SelectionQuery;

/**
 * The contact list: one query for the page of contacts (keyset on the id), one for their conversations' channels,
 * counts and latest activity, grouped by contact and channel. Opt-outs are matched in the stored comma-separated
 * list of channels, wrapped in commas so a channel never matches part of another's name.
 */
public final class ContactList {

    private final SessionFactory sessions;

    public ContactList(SessionFactory sessions) {
        this.sessions = sessions;
    }

    public ContactPage page(String tenantId, ContactQuery query) {
        return sessions.fromSession(s -> {
            StringBuilder hql = new StringBuilder("from ContactEntity c where c.tenantId = :tenant");
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("tenant", tenantId);
            if (query.cursor() != null) {
                hql.append(" and c.id < :after");
                parameters.put("after", ContactCursor.decode(query.cursor()).id());
            }
            if (query.ids() != null) {
                if (query.ids().isEmpty()) {
                    return new ContactPage(List.of(), null);
                }
                hql.append(" and c.id in :ids");
                parameters.put("ids", query.ids());
            }
            if (query.text() != null) {
                String like = " like :text escape '" + ConversationListQuery.ESCAPE + "'";
                hql.append(" and (lower(c.name)").append(like).append(" or lower(c.phone)").append(like)
                        .append(" or lower(c.email)").append(like).append(')');
                parameters.put("text", ConversationListQuery.containing(query.text()));
            }
            if (query.channel() != null) {
                hql.append(" and exists (select 1 from ConversationEntity v where v.tenantId = c.tenantId and v.contactId = c.id"
                        + " and v.channel = :channel)");
                parameters.put("channel", query.channel().value());
            }
            if (query.optedOut() != null) {
                String optedOut = query.channel() != null ? "concat(',', c.optedOutChannels, ',') like :optedOutChannel"
                        : "c.optedOutChannels <> ''";
                hql.append(query.optedOut() ? " and " + optedOut : " and not (" + optedOut + ")");
                if (query.channel() != null) {
                    parameters.put("optedOutChannel", "%," + query.channel().value() + ",%");
                }
            }
            hql.append(" order by c.id desc");
            SelectionQuery<ContactEntity> select = s.createSelectionQuery(hql.toString(), ContactEntity.class)
                    .setMaxResults(query.pageSize() + 1);
            parameters.forEach(select::setParameter);
            List<Contact> contacts = select.getResultList().stream().map(Records::contact).toList();
            boolean more = contacts.size() > query.pageSize();
            List<Contact> items = more ? contacts.subList(0, query.pageSize()) : contacts;
            return new ContactPage(summaries(s, tenantId, items), more ? new ContactCursor(items.get(items.size() - 1).id()).encode() : null);
        });
    }

    private static List<ContactSummary> summaries(Session s, String tenantId, List<Contact> contacts) {
        if (contacts.isEmpty()) {
            return List.of();
        }
        Map<String, Set<ChannelId>> channels = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        Map<String, Instant> latest = new HashMap<>();
        s.createSelectionQuery("select v.contactId, v.channel, count(v), max(v.lastActivityAt) from ConversationEntity v"
                        + " where v.tenantId = :tenant and v.contactId in :ids group by v.contactId, v.channel", Object[].class)
                .setParameter("tenant", tenantId).setParameterList("ids", contacts.stream().map(Contact::id).toList())
                .getResultList().forEach(row -> {
                    String contactId = (String) row[0];
                    channels.computeIfAbsent(contactId, id -> new HashSet<>()).add(ChannelId.of((String) row[1]));
                    counts.merge(contactId, (Long) row[2], Long::sum);
                    latest.merge(contactId, (Instant) row[3], (a, b) -> a.isAfter(b) ? a : b);
                });
        List<ContactSummary> summaries = new ArrayList<>(contacts.size());
        for (Contact contact : contacts) {
            summaries.add(new ContactSummary(contact, channels.getOrDefault(contact.id(), Set.of()), latest.get(contact.id()),
                    counts.getOrDefault(contact.id(), 0L)));
        }
        return summaries;
    }

    public List<Conversation> conversationsOf(String tenantId, String contactId) {
        return sessions.fromSession(s -> s.createSelectionQuery("from ConversationEntity v where v.tenantId = :tenant"
                        + " and v.contactId = :contact order by v.lastActivityAt desc, v.id desc", ConversationEntity.class)
                .setParameter("tenant", tenantId).setParameter("contact", contactId)
                .getResultList().stream().map(Records::conversation).toList());
    }
}

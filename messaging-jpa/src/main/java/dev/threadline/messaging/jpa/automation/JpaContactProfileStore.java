package dev.threadline.messaging.jpa.automation;

import dev.threadline.messaging.automation.campaign.ContactProfile;
import dev.threadline.messaging.automation.campaign.ContactProfileStore;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Contact profiles in {@code automation_contact_profiles}, their tags one row each in
 * {@code automation_contact_tags}, so "every contact with these tags" is an indexed lookup.
 */
final class JpaContactProfileStore implements ContactProfileStore {

    private static final String UPDATE = "update automation_contact_profiles set zone = ? where tenant_id = ? and contact_id = ?";
    private static final String INSERT = "insert into automation_contact_profiles (tenant_id, contact_id, zone) values (?, ?, ?)";

    private final Database database;

    JpaContactProfileStore(Database database) {
        this.database = database;
    }

    @Override
    public void save(ContactProfile profile) {
        String zone = profile.zone() == null ? null : profile.zone().getId();
        database.inTransaction(c -> {
            Database.upsert(c, UPDATE, new Object[] {zone, profile.tenantId(), profile.contactId()},
                    INSERT, new Object[] {profile.tenantId(), profile.contactId(), zone});
            Database.update(c, "delete from automation_contact_tags where tenant_id = ? and contact_id = ?",
                    profile.tenantId(), profile.contactId());
            for (String tag : profile.tags()) {
                Database.update(c, "insert into automation_contact_tags (tenant_id, contact_id, tag) values (?, ?, ?)",
                        profile.tenantId(), profile.contactId(), tag);
            }
            return null;
        });
    }

    @Override
    public Optional<ContactProfile> find(String tenantId, String contactId) {
        return profiles(tenantId, "p.contact_id = ?", contactId).stream().findFirst();
    }

    @Override
    public List<ContactProfile> findAll(String tenantId, Collection<String> contactIds) {
        if (contactIds.isEmpty()) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>(contactIds);
        return profiles(tenantId, "p.contact_id in (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")", ids.toArray());
    }

    @Override
    public List<ContactProfile> withTags(String tenantId, Set<String> tags) {
        if (tags.isEmpty()) {
            return profiles(tenantId, "1 = 1");
        }
        // Contacts with every tag: as many of their tag rows match as tags were asked for.
        Set<String> wanted = ContactProfile.normalizedTags(tags);
        List<Object> parameters = new ArrayList<>(wanted);
        parameters.add(wanted.size());
        return profiles(tenantId, "p.contact_id in (select m.contact_id from automation_contact_tags m where m.tenant_id = p.tenant_id"
                + " and m.tag in (" + String.join(", ", Collections.nCopies(wanted.size(), "?")) + ") group by m.contact_id"
                + " having count(*) = ?)", parameters.toArray());
    }

    /** The tenant's profiles that meet {@code condition} (on {@code p}), with all their tags, ordered by contact id. */
    private List<ContactProfile> profiles(String tenantId, String condition, Object... parameters) {
        Object[] all = new Object[parameters.length + 1];
        all[0] = tenantId;
        System.arraycopy(parameters, 0, all, 1, parameters.length);
        List<String[]> rows = database.query("select p.contact_id, p.zone, t.tag from automation_contact_profiles p"
                + " left join automation_contact_tags t on t.tenant_id = p.tenant_id and t.contact_id = p.contact_id"
                + " where p.tenant_id = ? and " + condition,
                rs -> new String[] {rs.getString("contact_id"), rs.getString("zone"), rs.getString("tag")}, all);
        Map<String, @Nullable String> zones = new TreeMap<>();
        Map<String, Set<String>> tags = new HashMap<>();
        for (String[] row : rows) {
            zones.put(row[0], row[1]);
            Set<String> contactTags = tags.computeIfAbsent(row[0], k -> new HashSet<>());
            if (row[2] != null) {
                contactTags.add(row[2]);
            }
        }
        List<ContactProfile> profiles = new ArrayList<>(zones.size());
        zones.forEach((contactId, zone) -> profiles.add(
                new ContactProfile(tenantId, contactId, tags.get(contactId), zone == null ? null : ZoneId.of(zone))));
        return profiles;
    }
}

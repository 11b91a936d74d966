package dev.threadline.messaging.jpa.automation;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.automation.notify.NotificationLevel;
import dev.threadline.messaging.automation.notify.StaffDirectory;
import dev.threadline.messaging.automation.notify.StaffMember;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Staff members and their notification preferences in the {@code automation_staff} table. */
final class JpaStaffDirectory implements StaffDirectory {

    private static final String COLUMNS = "tenant_id, id, name, email, phone, level, notify_via";
    private static final String UPDATE = "update automation_staff set name = ?, email = ?, phone = ?, level = ?, notify_via = ?"
            + " where tenant_id = ? and id = ?";
    private static final String INSERT = "insert into automation_staff (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)";

    private final Database database;

    JpaStaffDirectory(Database database) {
        this.database = database;
    }

    @Override
    public void save(StaffMember member) {
        String notifyVia = member.notifyVia() == null ? null : member.notifyVia().value();
        database.upsert(UPDATE, new Object[] {member.name(), member.email(), member.phone(), member.level().name(), notifyVia,
                member.tenantId(), member.id()},
                INSERT, new Object[] {member.tenantId(), member.id(), member.name(), member.email(), member.phone(),
                member.level().name(), notifyVia});
    }

    @Override
    public Optional<StaffMember> find(String tenantId, String memberId) {
        return database.queryOne("select " + COLUMNS + " from automation_staff where tenant_id = ? and id = ?",
                JpaStaffDirectory::member, tenantId, memberId);
    }

    @Override
    public List<StaffMember> list(String tenantId) {
        // Sorted here, not by the database, whose collation may order ids differently from the other stores.
        return database.query("select " + COLUMNS + " from automation_staff where tenant_id = ?", JpaStaffDirectory::member, tenantId)
                .stream().sorted(Comparator.comparing(StaffMember::id)).toList();
    }

    private static StaffMember member(ResultSet rs) throws SQLException {
        String notifyVia = rs.getString("notify_via");
        return new StaffMember(rs.getString("tenant_id"), rs.getString("id"), rs.getString("name"), rs.getString("email"),
                rs.getString("phone"), NotificationLevel.valueOf(rs.getString("level")),
                notifyVia == null ? null : ChannelId.of(notifyVia));
    }
}

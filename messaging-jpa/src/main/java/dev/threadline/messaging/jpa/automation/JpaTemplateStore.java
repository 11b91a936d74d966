package dev.threadline.messaging.jpa.automation;

import dev.threadline.messaging.automation.template.MessageTemplate;
import dev.threadline.messaging.automation.template.TemplateKind;
import dev.threadline.messaging.automation.template.TemplateStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Templates and canned replies in the {@code automation_templates} table. */
final class JpaTemplateStore implements TemplateStore {

    private static final String COLUMNS = "tenant_id, name, kind, variants, fallback";
    private static final String UPDATE = "update automation_templates set kind = ?, variants = ?, fallback = ? where tenant_id = ? and name = ?";
    private static final String INSERT = "insert into automation_templates (" + COLUMNS + ") values (?, ?, ?, ?, ?)";

    private final Database database;

    JpaTemplateStore(Database database) {
        this.database = database;
    }

    @Override
    public void save(MessageTemplate template) {
        String kind = template.kind().name();
        String variants = AutomationJson.variants(template.variants());
        String fallback = AutomationJson.variant(template.fallback());
        database.upsert(UPDATE, new Object[] {kind, variants, fallback, template.tenantId(), template.name()},
                INSERT, new Object[] {template.tenantId(), template.name(), kind, variants, fallback});
    }

    @Override
    public Optional<MessageTemplate> find(String tenantId, String name) {
        return database.queryOne("select " + COLUMNS + " from automation_templates where tenant_id = ? and name = ?",
                JpaTemplateStore::template, tenantId, name);
    }

    @Override
    public List<MessageTemplate> list(String tenantId) {
        // Sorted here, not by the database, whose collation may order names differently from the other stores.
        return database.query("select " + COLUMNS + " from automation_templates where tenant_id = ?", JpaTemplateStore::template, tenantId)
                .stream().sorted(Comparator.comparing(MessageTemplate::name)).toList();
    }

    @Override
    public boolean delete(String tenantId, String name) {
        return database.update("delete from automation_templates where tenant_id = ? and name = ?", tenantId, name) > 0;
    }

    private static MessageTemplate template(ResultSet rs) throws SQLException {
        return new MessageTemplate(rs.getString("tenant_id"), rs.getString("name"), TemplateKind.valueOf(rs.getString("kind")),
                AutomationJson.variants(rs.getString("variants")), AutomationJson.variant(rs.getString("fallback")));
    }
}

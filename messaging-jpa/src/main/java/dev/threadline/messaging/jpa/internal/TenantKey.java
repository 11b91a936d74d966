package dev.threadline.messaging.jpa.internal;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of every table: the tenant first, so a table can be distributed by tenant. */
public final class TenantKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private String tenantId;
    private String id;

    protected TenantKey() {
    }

    public TenantKey(String tenantId, String id) {
        this.tenantId = tenantId;
        this.id = id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TenantKey k && tenantId.equals(k.tenantId) && id.equals(k.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, id);
    }
}

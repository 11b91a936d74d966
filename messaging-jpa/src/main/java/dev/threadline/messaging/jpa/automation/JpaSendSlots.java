package dev.threadline.messaging.jpa.automation;

import static dev.threadline.messaging.automation.campaign.SendSlots.minuteOf;
import static dev.threadline.messaging.automation.campaign.SendSlots.startOf;

import dev.threadline.messaging.automation.campaign.SendSlots;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Bookings as counters in {@code automation_send_slots}, one row per tenant and minute. A booking is one conditional
 * UPDATE ({@code used < limit}), or the INSERT of the minute's first; so instances racing for a minute's last place
 * cannot both get it, and the loser moves on to the next minute.
 */
final class JpaSendSlots implements SendSlots {

    /** How many full minutes one read looks ahead; a longer run of full minutes takes another read. */
    private static final int FULL_MINUTES_READ = 1_000;

    private final Database database;

    JpaSendSlots(Database database) {
        this.database = database;
    }

    @Override
    public Instant reserve(String tenantId, Instant earliest, Function<Instant, Instant> allowed, int perMinute) {
        // Bookings of minutes gone by count for nothing any more.
        database.update("delete from automation_send_slots where tenant_id = ? and minute_of_epoch < ?", tenantId, minuteOf(earliest));
        Instant candidate = allowed.apply(earliest);
        while (true) {
            Set<Long> full = fullMinutesFrom(tenantId, minuteOf(candidate), perMinute);
            while (full.contains(minuteOf(candidate))) {
                candidate = allowed.apply(startOf(minuteOf(candidate) + 1));
            }
            if (book(tenantId, minuteOf(candidate), perMinute)) {
                return candidate;
            }
            // Another booking took the minute's last place first: look again from that minute.
        }
    }

    private Set<Long> fullMinutesFrom(String tenantId, long minute, int perMinute) {
        return new HashSet<>(database.query("select minute_of_epoch from automation_send_slots where tenant_id = ?"
                + " and minute_of_epoch >= ? and used >= ? order by minute_of_epoch fetch first " + FULL_MINUTES_READ + " rows only",
                rs -> rs.getLong(1), tenantId, minute, perMinute));
    }

    private boolean book(String tenantId, long minute, int perMinute) {
        int booked = database.update("update automation_send_slots set used = used + 1 where tenant_id = ? and minute_of_epoch = ?"
                + " and used < ?", tenantId, minute, perMinute);
        return booked == 1 || database.insertIfAbsent("insert into automation_send_slots (tenant_id, minute_of_epoch, used)"
                + " values (?, ?, 1)", tenantId, minute);
    }

    @Override
    public void release(String tenantId, Instant at) {
        database.update("update automation_send_slots set used = used - 1 where tenant_id = ? and minute_of_epoch = ? and used > 0",
                tenantId, minuteOf(at));
    }
}

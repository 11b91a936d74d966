package dev.threadline.messaging.automation.campaign;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Contacts picked by what we know of them. With tags, the candidates are the contacts carrying all of
 * them (from the {@link ContactProfileStore}); without, every contact with a conversation on the
 * campaign's channel. The activity bounds then filter on the contact's latest conversation activity on
 * any channel (a customer who wrote by email last week is not inactive because their last text is old).
 *
 * @param activeSince keep contacts active on or after this instant
 * @param inactiveSince keep contacts with no activity on or after this instant (including never active)
 * @param tags keep contacts carrying every one of these tags (compared lower-case)
 */
public record Segment(@Nullable Instant activeSince, @Nullable Instant inactiveSince, Set<String> tags) {

    public Segment {
        tags = ContactProfile.normalizedTags(tags);
    }

    /** Every contact with a conversation on the channel. */
    public static Segment everyone() {
        return new Segment(null, null, Set.of());
    }

    public static Segment tagged(String... tags) {
        return new Segment(null, null, Set.of(tags));
    }

    public Segment withActiveSince(@Nullable Instant value) {
        return new Segment(value, inactiveSince, tags);
    }

    public Segment withInactiveSince(@Nullable Instant value) {
        return new Segment(activeSince, value, tags);
    }

    boolean matchesActivity(@Nullable Instant lastActivity) {
        if (activeSince != null && (lastActivity == null || lastActivity.isBefore(activeSince))) {
            return false;
        }
        return inactiveSince == null || lastActivity == null || lastActivity.isBefore(inactiveSince);
    }
}

package dev.threadline.messaging;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of the contact list, newest contact first.
 *
 * @param nextCursor pass it as {@link ContactQuery#cursor()} for the next page; null on the last page
 */
public record ContactPage(List<ContactSummary> contacts, @Nullable String nextCursor) {

    public ContactPage {
        contacts = List.copyOf(contacts);
    }
}

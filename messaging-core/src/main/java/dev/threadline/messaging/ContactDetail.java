package dev.threadline.messaging;

import java.util.List;

/** A contact with every conversation it has, on every channel, newest activity first. */
public record ContactDetail(Contact contact, List<Conversation> conversations) {

    public ContactDetail {
        conversations = List.copyOf(conversations);
    }
}

package dev.threadline.messaging.automation.template;

import java.util.Locale;

/** What a template is for. */
public enum TemplateKind {
    /** Reminders, campaigns and other messages we start. */
    MESSAGE,
    /** A canned reply staff pick while answering a conversation. */
    CANNED_REPLY;

    /** The lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

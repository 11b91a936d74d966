package dev.threadline.messaging.automation.notify;

/**
 * Delivers a notification to one staff member: by SMS or email ({@link MessagingStaffNotifier}), push,
 * chat, or any host callback (this is a functional interface). Called after the member's preferences
 * were applied. A failure is logged and does not stop other members' notifications.
 */
@FunctionalInterface
public interface StaffNotifier {

    void notify(StaffMember member, StaffNotification notification);
}

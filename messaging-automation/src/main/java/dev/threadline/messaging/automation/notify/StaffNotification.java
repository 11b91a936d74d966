package dev.threadline.messaging.automation.notify;

/** Something staff are told about: a new customer message or the digest of unanswered conversations. */
public sealed interface StaffNotification permits NewMessageAlert, Digest {

    String tenantId();
}

package dev.threadline.messaging.spring;

import dev.threadline.messaging.staff.StaffUser;

/**
 * Where an app that keeps its own logins stores a staff user's password, so that {@code POST /users} and
 * {@code PATCH /users/{id}} can take a write-only {@code password}. Without a bean of this type a password in those
 * routes is refused: the host's login owns passwords, not Threadline. Implementations hash with a current encoder and
 * never keep or log the plain text.
 */
@FunctionalInterface
public interface StaffPasswords {

    /** The shortest password the routes accept. */
    int MIN_LENGTH = 12;

    /** Sets {@code user}'s password, for the login of {@code user.email()}. */
    void setPassword(StaffUser user, String password);
}

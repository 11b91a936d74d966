package dev.threadline.messaging.spring;

import dev.threadline.messaging.staff.Actor;
import java.security.Principal;
import java.util.Optional;

/**
 * Maps the host's signed-in principal (Spring Security, or any servlet container login) to the staff user it acts
 * as on the admin routes. The starter's default finds the active staff user of {@code messaging.default-tenant}
 * whose email is the principal's name; declare a bean of this type to map by another attribute or to another
 * tenant. An empty answer is a {@code 401}.
 */
@FunctionalInterface
public interface StaffPrincipals {

    Optional<Actor> actorFor(Principal principal);
}

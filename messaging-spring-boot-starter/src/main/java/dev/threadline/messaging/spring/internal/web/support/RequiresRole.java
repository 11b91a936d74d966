package dev.threadline.messaging.spring.internal.web.support;

import dev.threadline.messaging.staff.Role;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The role a route needs, on a controller (every route of it) or on one route (which wins). {@link RoleGate}
 * checks it before the route runs; routes through {@link dev.threadline.messaging.Workspace} are checked there
 * too, per conversation.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresRole {

    Role value();
}

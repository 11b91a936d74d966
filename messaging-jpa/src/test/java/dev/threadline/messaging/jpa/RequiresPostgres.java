package dev.threadline.messaging.jpa;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks tests that need the test PostgreSQL: without it they are reported as skipped, with the reason,
 * except on CI ({@code CI=true}), where they run and fail.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresCondition.class)
@interface RequiresPostgres {
}

/**
 * Spring Boot autoconfiguration of Threadline: {@link dev.threadline.messaging.spring.MessagingProperties}
 * and the {@code @AutoConfiguration} classes listed in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}.
 */
@NullMarked
package dev.threadline.messaging.spring;

import org.jspecify.annotations.NullMarked;

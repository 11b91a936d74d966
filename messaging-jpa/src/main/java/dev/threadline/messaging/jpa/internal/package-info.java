/**
 * Entities, mapping and SQL of the JPA store. Not API: names and shapes change without notice.
 */
@NullMarked
package dev.threadline.messaging.jpa.internal;

import org.jspecify.annotations.NullMarked;

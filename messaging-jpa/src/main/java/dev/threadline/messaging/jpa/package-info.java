/**
 * The durable store on H2 or PostgreSQL ({@link dev.threadline.messaging.jpa.JpaConversationStore}) and
 * cross-instance events over PostgreSQL LISTEN/NOTIFY ({@link dev.threadline.messaging.jpa.PostgresEventBus}).
 */
@NullMarked
package dev.threadline.messaging.jpa;

import org.jspecify.annotations.NullMarked;

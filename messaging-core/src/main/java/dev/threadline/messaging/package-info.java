/**
 * Threadline's public API: {@link dev.threadline.messaging.MessageManager} and the conversation model.
 */
@NullMarked
package dev.threadline.messaging;

import org.jspecify.annotations.NullMarked;

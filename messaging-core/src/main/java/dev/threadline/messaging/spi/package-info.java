/**
 * Service provider interfaces: channels, stores, AI, events, time and ids.
 */
@NullMarked
package dev.threadline.messaging.spi;

import org.jspecify.annotations.NullMarked;

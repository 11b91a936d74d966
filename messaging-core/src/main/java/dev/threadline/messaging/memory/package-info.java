/**
 * Thread-safe in-memory store, the default for tests and single-process hosts.
 */
@NullMarked
package dev.threadline.messaging.memory;

import org.jspecify.annotations.NullMarked;

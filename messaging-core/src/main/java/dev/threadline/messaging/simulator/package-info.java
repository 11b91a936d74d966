/**
 * A channel that records what it sends, for consoles and tests without provider keys.
 */
@NullMarked
package dev.threadline.messaging.simulator;

import org.jspecify.annotations.NullMarked;

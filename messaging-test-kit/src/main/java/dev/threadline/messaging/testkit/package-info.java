/**
 * Contract suites: extend one, supply your implementation, and inherit its tests.
 */
@NullMarked
package dev.threadline.messaging.testkit;

import org.jspecify.annotations.NullMarked;

/**
 * Small helpers shared by core and provider modules.
 */
@NullMarked
package dev.threadline.messaging.support;

import org.jspecify.annotations.NullMarked;

/**
 * Message templates with {@code {{dotted.path}}} placeholders, per-channel variants and canned staff replies.
 */
@NullMarked
package dev.threadline.messaging.automation.template;

import org.jspecify.annotations.NullMarked;

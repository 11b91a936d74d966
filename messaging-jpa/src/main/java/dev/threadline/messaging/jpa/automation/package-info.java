/**
 * The automation module's state (templates, campaigns and their recipients, contact profiles, staff) in the
 * same H2 or PostgreSQL database as the conversations: {@link dev.threadline.messaging.jpa.automation.JpaAutomationStores}
 * is the entry point. Needs {@code messaging-automation} on the classpath.
 */
@NullMarked
package dev.threadline.messaging.jpa.automation;

import org.jspecify.annotations.NullMarked;

/**
 * People in the product: {@link dev.threadline.messaging.staff.StaffUser staff users} with
 * {@link dev.threadline.messaging.staff.Role roles}, the {@link dev.threadline.messaging.staff.Inbox inboxes} they
 * work, and the {@link dev.threadline.messaging.staff.Actor actor} every checked operation runs as.
 */
@NullMarked
package dev.threadline.messaging.staff;

import org.jspecify.annotations.NullMarked;

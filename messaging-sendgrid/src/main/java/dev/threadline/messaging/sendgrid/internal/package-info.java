/**
 * SendGrid wire formats, the reading of inbound mail (MIME, HTML, quotes, signatures) and HTTP plumbing; not part of
 * the public API.
 */
@NullMarked
package dev.threadline.messaging.sendgrid.internal;

import org.jspecify.annotations.NullMarked;

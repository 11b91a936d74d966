/**
 * Email through SendGrid: {@link dev.threadline.messaging.sendgrid.SendGridChannel} sends,
 * {@link dev.threadline.messaging.sendgrid.SendGridEventVerifier} checks the signature of the Event Webhook and
 * {@link dev.threadline.messaging.sendgrid.SendGridEventParser} reads its events,
 * {@link dev.threadline.messaging.sendgrid.SendGridEventProcessor} applies its events to a
 * {@link dev.threadline.messaging.MessageManager}, and
 * {@link dev.threadline.messaging.sendgrid.SendGridInboundFields} decodes the fields of Inbound Parse posts (parsed or
 * raw mode), which {@link dev.threadline.messaging.sendgrid.SendGridInboundParser} turns into inbound messages, their
 * attachments kept in an {@link dev.threadline.messaging.sendgrid.AttachmentStore} such as
 * {@link dev.threadline.messaging.sendgrid.LocalAttachmentStore} within
 * {@link dev.threadline.messaging.sendgrid.AttachmentLimits}.
 */
@NullMarked
package dev.threadline.messaging.sendgrid;

import org.jspecify.annotations.NullMarked;

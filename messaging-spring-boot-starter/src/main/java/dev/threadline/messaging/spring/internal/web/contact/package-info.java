/**
 * The unauthenticated public route: a website's contact form, which opens or continues an email conversation.
 */
@NullMarked
package dev.threadline.messaging.spring.internal.web.contact;

import org.jspecify.annotations.NullMarked;

/**
 * Responder, scorer and summarizer that work with no network and no key.
 */
@NullMarked
package dev.threadline.messaging.offline;

import org.jspecify.annotations.NullMarked;

/** An in-memory appointment calendar and the AI tools that check and book it. */
@NullMarked
package dev.threadline.examples.console.booking;

import org.jspecify.annotations.NullMarked;

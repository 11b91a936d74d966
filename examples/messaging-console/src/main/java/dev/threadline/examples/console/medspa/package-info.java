/** What the example med spa offers: treatments, hours, providers and answers to common questions. */
@NullMarked
package dev.threadline.examples.console.medspa;

import org.jspecify.annotations.NullMarked;

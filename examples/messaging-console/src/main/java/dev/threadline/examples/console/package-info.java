/** The Messaging Console example app: a med spa's receptionist inbox over the Threadline starter. */
@NullMarked
package dev.threadline.examples.console;

import org.jspecify.annotations.NullMarked;

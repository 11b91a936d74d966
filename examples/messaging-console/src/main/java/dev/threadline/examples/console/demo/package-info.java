/** Demo conversations written on first start and the startup banner. */
@NullMarked
package dev.threadline.examples.console.demo;

import org.jspecify.annotations.NullMarked;

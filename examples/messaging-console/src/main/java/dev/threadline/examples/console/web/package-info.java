/** Endpoints of the console page itself (the admin API comes from the starter). */
@NullMarked
package dev.threadline.examples.console.web;

import org.jspecify.annotations.NullMarked;

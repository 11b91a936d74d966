/** Implementation details of the starter; not a public API. */
@NullMarked
package dev.threadline.messaging.spring.internal;

import org.jspecify.annotations.NullMarked;

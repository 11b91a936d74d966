/** Spring AI integration: Threadline conversations as a {@code ChatMemoryRepository}. */
@NullMarked
package dev.threadline.messaging.spring.ai;

import org.jspecify.annotations.NullMarked;

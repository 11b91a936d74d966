/**
 * AI replies with tool calling, satisfaction scoring, headlines and suggested replies over any
 * OpenAI-compatible Chat Completions endpoint. Start with {@link dev.threadline.messaging.openai.OpenAiSettings}
 * and {@link dev.threadline.messaging.openai.OpenAiResponder}.
 */
@NullMarked
package dev.threadline.messaging.openai;

import org.jspecify.annotations.NullMarked;

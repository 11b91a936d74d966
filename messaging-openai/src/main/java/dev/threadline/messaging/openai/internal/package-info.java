/**
 * Chat Completions wire details: the SDK client, error mapping, prompts, history conversion and structured
 * output. Not part of the public API.
 */
@NullMarked
package dev.threadline.messaging.openai.internal;

import org.jspecify.annotations.NullMarked;

/**
 * Providers' HTTP APIs on loopback, speaking their wire formats, for tests that must not reach the internet:
 * {@link dev.threadline.messaging.testkit.fakes.FakeTwilioApi} (Twilio's Messages resource: create and list),
 * {@link dev.threadline.messaging.testkit.fakes.FakeSendGridApi} (SendGrid's v3 Mail Send) and
 * {@link dev.threadline.messaging.testkit.fakes.FakeChatCompletionsApi} (OpenAI's Chat Completions). Each records
 * the requests as they arrived ({@link dev.threadline.messaging.testkit.fakes.RecordedRequest}) and answers from a
 * script before its usual answer; {@link dev.threadline.messaging.testkit.fakes.FakeHttpApi} is what they share.
 */
@NullMarked
package dev.threadline.messaging.testkit.fakes;

import org.jspecify.annotations.NullMarked;

/**
 * Providers' HTTP APIs on loopback, speaking their wire formats, for tests that must not reach the internet:
 * {@link dev.threadline.messaging.testkit.fakes.FakeTwilioApi} (Twilio's Messages resource: create and list).
 */
@NullMarked
package dev.threadline.messaging.testkit.fakes;

import org.jspecify.annotations.NullMarked;

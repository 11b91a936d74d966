package dev.threadline.messaging.twilio;

import dev.threadline.messaging.spi.Channel;
import dev.threadline.messaging.testkit.ChannelContract;
import dev.threadline.messaging.testkit.fakes.FakeTwilioApi;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** The Twilio channel against Twilio's REST API on loopback. */
class TwilioChannelContractTest extends ChannelContract {

    private FakeTwilioApi twilio;

    @Override
    protected Channel createChannel() throws Exception {
        twilio = new FakeTwilioApi();
        TwilioSettings settings = TwilioSettings.of(FakeTwilioApi.ACCOUNT_SID, FakeTwilioApi.AUTH_TOKEN, Deliveries.OUR_NUMBER)
                .withApiBaseUrl(twilio.baseUrl());
        return TwilioChannel.builder(settings).clock(new FakeTime()).sleeper(new FakeTime()).build();
    }

    @AfterEach
    void stopTwilio() {
        twilio.close();
    }

    @Override
    protected String recipient() {
        return Deliveries.CUSTOMER;
    }

    @Override
    protected void failNextSendTemporarily() {
        twilio.answer(503, Map.of("Content-Type", "text/html", "Retry-After", "2"), "<html>Service Unavailable</html>");
    }

    @Override
    protected void failNextSendPermanently() {
        twilio.error(400, 21211, "The 'To' number is not a valid phone number.");
    }

    @Override
    protected int sendsReceived() {
        return twilio.requests("POST").size();
    }
}

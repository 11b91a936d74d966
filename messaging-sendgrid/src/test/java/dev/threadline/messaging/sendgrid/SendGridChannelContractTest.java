package dev.threadline.messaging.sendgrid;

import dev.threadline.messaging.spi.Channel;
import dev.threadline.messaging.testkit.ChannelContract;
import dev.threadline.messaging.testkit.fakes.FakeSendGridApi;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

/** The SendGrid channel against SendGrid's v3 mail send on loopback. */
class SendGridChannelContractTest extends ChannelContract {

    private final FakeSendGridApi sendGrid = new FakeSendGridApi();

    @Override
    protected Channel createChannel() {
        SendGridSettings settings = SendGridSettings.builder("SG.contract-test", "hello@acme.test")
                .apiBaseUrl(sendGrid.baseUrl())
                .build();
        return new SendGridChannel(settings, Clock.systemUTC());
    }

    @AfterEach
    void stopSendGrid() {
        sendGrid.close();
    }

    @Override
    protected String recipient() {
        return "ana@example.com";
    }

    @Override
    protected void failNextSendTemporarily() {
        sendGrid.error(500, "internal error", null);
    }

    @Override
    protected void failNextSendPermanently() {
        sendGrid.error(400, "The to address is not valid.", "personalizations.0.to");
    }

    @Override
    protected int sendsReceived() {
        return sendGrid.requests().size();
    }
}

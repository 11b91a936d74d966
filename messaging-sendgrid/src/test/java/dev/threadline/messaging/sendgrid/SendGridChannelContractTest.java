package dev.threadline.messaging.sendgrid;

import dev.threadline.messaging.spi.Channel;
import dev.threadline.messaging.testkit.ChannelContract;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** The SendGrid channel against SendGrid's v3 mail send on loopback. */
class SendGridChannelContractTest extends ChannelContract {

    private final FakeSendGrid sendGrid = new FakeSendGrid();

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
        sendGrid.answerNext(500, Map.of(), "{\"errors\":[{\"message\":\"internal error\"}]}");
    }

    @Override
    protected void failNextSendPermanently() {
        sendGrid.answerNext(400, Map.of(), "{\"errors\":[{\"message\":\"The to address is not valid.\",\"field\":\"personalizations.0.to\"}]}");
    }

    @Override
    protected int sendsReceived() {
        return sendGrid.requests().size();
    }
}

package dev.threadline.messaging.testkit;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.RetriableMessagingException;
import dev.threadline.messaging.simulator.SimulatorChannel;
import dev.threadline.messaging.spi.Channel;

class SimulatorChannelContractTest extends ChannelContract {

    private final SimulatorChannel simulator = new SimulatorChannel(ChannelId.SMS);

    @Override
    protected Channel createChannel() {
        return simulator;
    }

    @Override
    protected String recipient() {
        return "+14155550123";
    }

    @Override
    protected void failNextSendTemporarily() {
        simulator.failNext(new RetriableMessagingException("the simulated provider is busy", null, null));
    }

    @Override
    protected void failNextSendPermanently() {
        simulator.failNext(NonRetriableMessagingException.deliveryFailed("21211", "not a valid phone number"));
    }

    @Override
    protected int sendsReceived() {
        return simulator.sent().size();
    }
}

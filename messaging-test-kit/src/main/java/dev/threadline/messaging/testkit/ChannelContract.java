package dev.threadline.messaging.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threadline.messaging.Author;
import dev.threadline.messaging.CallbackResult;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.DeliveryUpdate;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.OutboundMessage;
import dev.threadline.messaging.RetriableMessagingException;
import dev.threadline.messaging.memory.InMemoryConversationStore;
import dev.threadline.messaging.spi.Channel;
import dev.threadline.messaging.spi.ChannelCapabilities;
import dev.threadline.messaging.spi.OutboundDelivery;
import dev.threadline.messaging.support.TimeOrderedIdGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Channel} must do for the manager to carry its messages: usable capabilities, a provider id for
 * every send (a new one each time), failures that may pass told apart from permanent ones, and status callbacks by
 * that provider id moving a message forward only. Content the channel cannot carry is refused before the provider
 * is called. Extend it with the channel pointed at its provider (a loopback stand-in in tests):
 *
 * <pre>{@code
 * class MyChannelContractTest extends ChannelContract {
 *     protected Channel createChannel() { return new MyChannel(fakeProvider.url()); }
 *     protected String recipient() { return "+14155550123"; }
 *     protected void failNextSendTemporarily() { fakeProvider.answerNext(503); }
 *     protected void failNextSendPermanently() { fakeProvider.answerNext(400); }
 *     protected int sendsReceived() { return fakeProvider.sends(); }
 * }
 * }</pre>
 */
public abstract class ChannelContract {

    protected static final String TENANT = "acme";

    private Channel channel;
    private MessageManager manager;

    /** The channel under test, talking to its provider. Called once per test. */
    protected abstract Channel createChannel() throws Exception;

    /** An address the channel can send to: a phone number for a phone channel, else an email address. */
    protected abstract String recipient();

    /** Makes the provider refuse the next send for a reason that may pass: a rate limit, an outage. */
    protected abstract void failNextSendTemporarily();

    /** Makes the provider refuse the next send for good, e.g. because the recipient cannot receive it. */
    protected abstract void failNextSendPermanently();

    /** How many sends have reached the provider so far. */
    protected abstract int sendsReceived();

    @BeforeEach
    void createManager() throws Exception {
        channel = createChannel();
        TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator();
        manager = MessageManager.builder().store(new InMemoryConversationStore(ids, MutableClock.fixed())).idGenerator(ids)
                .channel(channel).build();
    }

    @AfterEach
    void closeManager() throws Exception {
        manager.close();
        if (channel instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Test
    void capabilitiesDescribeWhatTheChannelCarries() {
        ChannelCapabilities capabilities = channel.capabilities();

        assertThat(channel.id()).isNotNull();
        assertThat(capabilities.maxBodyLength()).isPositive();
    }

    @Test
    void aSendIsAcceptedUnderTheProvidersId() {
        Message sent = sendAndDeliver("Your appointment is confirmed for Friday at 10.");

        assertThat(sent.status()).as("accepted by the provider: sending (queued there) or sent")
                .isIn(DeliveryStatus.SENDING, DeliveryStatus.SENT);
        assertThat(sent.providerMessageId()).isNotBlank();
        assertThat(sendsReceived()).isEqualTo(1);
    }

    @Test
    void everySendGetsItsOwnProviderId() {
        Message first = sendAndDeliver("First reminder.");
        Message second = sendAndDeliver("Second reminder.");

        assertThat(second.providerMessageId()).isNotBlank().isNotEqualTo(first.providerMessageId());
    }

    @Test
    void contentLongerThanTheChannelCarriesIsRefusedBeforeTheProviderIsCalled() {
        String tooLong = "x".repeat(channel.capabilities().maxBodyLength() + 1);

        assertThatThrownBy(() -> manager.send(outbound(tooLong)))
                .isInstanceOfSatisfying(NonRetriableMessagingException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        assertThat(sendsReceived()).isZero();
    }

    @Test
    void aFailureThatMayPassIsRetriable() {
        failNextSendTemporarily();

        assertThatThrownBy(() -> channel.send(delivery("Hello")))
                .isInstanceOf(RetriableMessagingException.class);
    }

    @Test
    void aPermanentRefusalIsNotRetriedAndSaysWhy() {
        failNextSendPermanently();

        assertThatThrownBy(() -> channel.send(delivery("Hello")))
                .isInstanceOfSatisfying(NonRetriableMessagingException.class, e -> assertThat(e.code())
                        .isIn(ErrorCode.DELIVERY_FAILED, ErrorCode.RECIPIENT_OPTED_OUT, ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void statusCallbacksByTheProviderIdMoveTheMessageForwardOnly() {
        Message sent = sendAndDeliver("See you Tuesday!");
        String providerId = sent.providerMessageId();

        CallbackResult delivered = manager.updateDeliveryByProviderId(TENANT, channel.id(), providerId,
                DeliveryUpdate.of(DeliveryStatus.DELIVERED, sent.statusAt()));
        CallbackResult late = manager.updateDeliveryByProviderId(TENANT, channel.id(), providerId,
                DeliveryUpdate.of(DeliveryStatus.SENT, sent.statusAt()));

        assertThat(delivered.outcome()).isEqualTo(CallbackResult.Outcome.APPLIED);
        assertThat(late.outcome()).isEqualTo(CallbackResult.Outcome.NOT_FORWARD);
        assertThat(manager.getMessage(TENANT, sent.id()).status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    private Message sendAndDeliver(String body) {
        Message queued = manager.send(outbound(body));
        manager.deliverDue();
        return manager.getMessage(TENANT, queued.id());
    }

    private OutboundMessage outbound(String body) {
        OutboundMessage.Builder builder = OutboundMessage.builder(TENANT, channel.id()).customerName("Contract Test").body(body);
        return channel.id().isPhoneBased() ? builder.customerPhone(recipient()).build()
                : builder.customerEmail(recipient()).subject("Your appointment").build();
    }

    /** A delivery as the worker hands it over, for the failure mappings the manager only sees as exceptions. */
    private OutboundDelivery delivery(String body) {
        ChannelId id = channel.id();
        String phone = id.isPhoneBased() ? recipient() : null;
        String email = id.isPhoneBased() ? null : recipient();
        Instant at = Instant.parse("2026-03-02T10:00:00Z");
        Conversation conversation = new Conversation("conv-contract", TENANT, id, "contact-1", "Contract Test", phone, email, null,
                id + "|" + recipient(), ConversationStatus.ACTIVE, email == null ? null : "Your appointment", null, at, at, 0, 0,
                null, null, "default", null, null, null, Map.of(), 0);
        Message message = new Message("msg-contract", TENANT, conversation.id(), id, Direction.OUTBOUND, Author.STAFF, body,
                conversation.subject(), List.of(), null, null, DeliveryStatus.QUEUED, at, at, null, null, Map.of());
        return new OutboundDelivery(message, conversation, List.of(), 1);
    }
}

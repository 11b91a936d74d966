package dev.threadline.messaging.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threadline.messaging.AiLoopGuard;
import dev.threadline.messaging.Author;
import dev.threadline.messaging.CallbackResult;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.ContactDetail;
import dev.threadline.messaging.ContactPage;
import dev.threadline.messaging.ContactQuery;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationDetail;
import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.ConversationPage;
import dev.threadline.messaging.ConversationQuery;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.DeliveryUpdate;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.MessagingEvent;
import dev.threadline.messaging.MessagingException;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.OutboundMessage;
import dev.threadline.messaging.ReceiveResult;
import dev.threadline.messaging.RetriableMessagingException;
import dev.threadline.messaging.RetryPolicy;
import dev.threadline.messaging.VoiceTranscript;
import dev.threadline.messaging.consent.ConsentPolicy;
import dev.threadline.messaging.offline.HeuristicSummarizer;
import dev.threadline.messaging.offline.KnowledgeBase;
import dev.threadline.messaging.offline.KnowledgeBaseResponder;
import dev.threadline.messaging.simulator.SimulatorChannel;
import dev.threadline.messaging.spi.Channel;
import dev.threadline.messaging.spi.ChannelCapabilities;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spi.ConversationSummarizer;
import dev.threadline.messaging.spi.IdGenerator;
import dev.threadline.messaging.spi.OutboundDelivery;
import dev.threadline.messaging.spi.SendResult;
import dev.threadline.messaging.support.TimeOrderedIdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The conversation scenarios every store must carry through {@link MessageManager}: threading,
 * validation, delivery, read state, opt-out, AI replies, listing and concurrency. Extend it and return a
 * fresh, empty store from {@link #createStore}; the in-memory, H2 and PostgreSQL stores all run it.
 */
public abstract class MessageManagerContract {

    protected static final String TENANT = "acme";
    protected static final String OTHER_TENANT = "globex";
    protected static final String PHONE = "+15551234567";

    protected static final KnowledgeBase MED_SPA = new KnowledgeBase("Glow Med Spa",
            List.of("Mon–Fri 9–6", "Sat 10–4"),
            List.of(new KnowledgeBase.Service("Botox", "$12 per unit", "30 minutes", "Smooths fine lines.", List.of("tox")),
                    new KnowledgeBase.Service("Chemical peel", "$150", "45 minutes", "Brightens skin.", List.of("peel"))),
            List.of("Dr. Rivera", "Nurse Kim"),
            List.of(new KnowledgeBase.Faq("Is there parking?", "Free parking is behind the building.", List.of("parking"))));

    protected MutableClock clock;
    protected IdGenerator ids;
    protected SimulatorChannel sms;
    protected SimulatorChannel email;
    protected MessageManager manager;
    /** The store {@link #manager} runs on, for a second manager over the same data. */
    private ConversationStore store;
    protected final List<MessagingEvent> published = new CopyOnWriteArrayList<>();

    /** A new, empty store using this clock and id generator. */
    protected abstract ConversationStore createStore(Clock clock, IdGenerator ids);

    @BeforeEach
    void createManager() {
        clock = MutableClock.fixed();
        ids = new TimeOrderedIdGenerator(clock);
        sms = new SimulatorChannel(ChannelId.SMS);
        email = new SimulatorChannel(ChannelId.EMAIL);
        store = createStore(clock, ids);
        manager = MessageManager.builder()
                .store(store)
                .clock(clock)
                .idGenerator(ids)
                .channel(sms)
                .channel(email)
                .responder(new KnowledgeBaseResponder(MED_SPA))
                .maxContentLength(5_000)
                .retryPolicy(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(4)))
                .build();
        manager.subscribe(published::add);
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    protected InboundMessage.Builder smsFrom(String phone, String body) {
        return InboundMessage.builder(TENANT, ChannelId.SMS).customerName("Test Customer").customerPhone(phone).body(body);
    }

    protected ReceiveResult receiveSms(String phone, String body) {
        return manager.receive(smsFrom(phone, body).build());
    }

    protected InboundMessage.Builder emailFrom(String address, String subject, String body) {
        return InboundMessage.builder(TENANT, ChannelId.EMAIL).customerName("Erin Mail").customerEmail(address)
                .subject(subject).body(body);
    }

    protected static void assertFails(ErrorCode code, String field, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MessagingException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    @Nested
    class Inbound {

        @Test
        void newSmsConversationGetsAnAiReply() {
            ReceiveResult result = receiveSms(PHONE, "I'd like to book a Botox appointment");

            assertThat(result.duplicate()).isFalse();
            assertThat(result.aiError()).isNull();
            assertThat(result.aiReply()).isNotNull();
            assertThat(result.aiReply().author()).isEqualTo(Author.AI);
            assertThat(result.aiReply().status()).isEqualTo(DeliveryStatus.QUEUED);
            assertThat(result.aiReply().body()).contains("Botox");
            Conversation conversation = manager.getConversation(TENANT, result.conversation().id()).conversation();
            assertThat(conversation.channel()).isEqualTo(ChannelId.SMS);
            assertThat(conversation.customerPhone()).isEqualTo(PHONE);
            assertThat(conversation.messageCount()).isEqualTo(2);
            assertThat(conversation.unreadCount()).isEqualTo(1);
        }

        @Test
        void followUpThreadsIntoTheSameConversation() {
            ReceiveResult first = receiveSms(PHONE, "Hi, do you do Botox?");
            ReceiveResult second = receiveSms("(555) 123-4567", "And what are your hours?");

            assertThat(second.conversation().id()).isEqualTo(first.conversation().id());
            assertThat(manager.getConversation(TENANT, first.conversation().id()).messages()).hasSize(4);
        }

        @Test
        void phoneIsNormalizedToE164() {
            ReceiveResult result = receiveSms("555-123-4567", "Hello?");

            assertThat(result.conversation().customerPhone()).isEqualTo(PHONE);
        }

        @Test
        void newEmailConversationKeepsItsSubject() {
            ReceiveResult result = manager.receive(emailFrom("Erin@Example.com", "Question about peels", "How long does a peel take?").build());

            Conversation conversation = manager.getConversation(TENANT, result.conversation().id()).conversation();
            assertThat(conversation.channel()).isEqualTo(ChannelId.EMAIL);
            assertThat(conversation.subject()).isEqualTo("Question about peels");
            assertThat(conversation.customerEmail()).isEqualTo("erin@example.com");
            assertThat(result.aiReply().subject()).isEqualTo("Re: Question about peels");
            assertThat(result.aiReply().body()).startsWith("Hi Erin,").contains("Best regards");
        }

        @Test
        void emailReplyWithInReplyToThreadsIntoTheOriginalConversation() {
            ReceiveResult first = manager.receive(emailFrom("erin@example.com", "Peels", "How long does a peel take?").build());
            String ourMessageId = first.aiReply().threadRef();

            ReceiveResult reply = manager.receive(emailFrom("erin@example.com", "Something else entirely", "Great, thanks")
                    .references(List.of(ourMessageId)).build());

            assertThat(ourMessageId).isNotNull();
            assertThat(reply.conversation().id()).isEqualTo(first.conversation().id());
        }

        @Test
        void emailWithReSubjectThreadsBySenderAndNormalizedSubject() {
            ReceiveResult first = manager.receive(emailFrom("erin@example.com", "Peels", "How long does a peel take?").build());
            ReceiveResult second = manager.receive(emailFrom("erin@example.com", "RE: Fwd: peels", "One more question").build());
            ReceiveResult other = manager.receive(emailFrom("erin@example.com", "Parking", "Is there parking?").build());

            assertThat(second.conversation().id()).isEqualTo(first.conversation().id());
            assertThat(other.conversation().id()).isNotEqualTo(first.conversation().id());
        }

        @Test
        void explicitConversationIdWinsOverThreading() {
            ReceiveResult first = receiveSms(PHONE, "Hi");
            ReceiveResult joined = manager.receive(InboundMessage.builder(TENANT, ChannelId.SMS)
                    .conversationId(first.conversation().id()).body("Following up").build());

            assertThat(joined.conversation().id()).isEqualTo(first.conversation().id());
            assertThat(joined.message().body()).isEqualTo("Following up");
        }

        @Test
        void repeatedProviderMessageIdIsStoredOnce() {
            InboundMessage webhook = InboundMessage.builder(TENANT, ChannelId.SMS).customerPhone(PHONE)
                    .providerMessageId("SM123").body("Do you do Botox?").build();

            ReceiveResult first = manager.receive(webhook);
            ReceiveResult again = manager.receive(webhook);

            assertThat(again.duplicate()).isTrue();
            assertThat(again.message().id()).isEqualTo(first.message().id());
            assertThat(again.aiReply()).isNull();
            assertThat(manager.getConversation(TENANT, first.conversation().id()).conversation().messageCount()).isEqualTo(2);
        }

        @Test
        void providerMessagesAreStoredEvenWhenEmptyOrLong() {
            String longEmail = "y".repeat(6_000);
            ReceiveResult empty = manager.receive(InboundMessage.builder(TENANT, ChannelId.SMS).customerPhone(PHONE)
                    .providerMessageId("SM-empty").body("").generateAiReply(false).build());
            ReceiveResult long_ = manager.receive(InboundMessage.builder(TENANT, ChannelId.EMAIL).customerEmail("erin@example.com")
                    .subject("Long").providerMessageId("<long@mail>").body(longEmail).generateAiReply(false).build());

            assertThat(manager.getConversation(TENANT, empty.conversation().id()).messages()).extracting(Message::body).containsExactly("");
            assertThat(manager.getConversation(TENANT, long_.conversation().id()).messages()).extracting(Message::body).containsExactly(longEmail);
        }

        @Test
        void longAndInternationalTextRoundTripsUnchanged() {
            String longText = "x".repeat(1_990) + " ok end";
            String mixed = "Emoji 😀👍🏽, accents é ñ ü, RTL שלום مرحبا, quotes \"'<>&, tab\tand\nnewline";

            ReceiveResult a = manager.receive(smsFrom(PHONE, longText).generateAiReply(false).build());
            ReceiveResult b = manager.receive(smsFrom(PHONE, mixed).generateAiReply(false).build());

            List<Message> messages = manager.getConversation(TENANT, a.conversation().id()).messages();
            assertThat(longText).hasSize(1_997);
            assertThat(messages).extracting(Message::body).containsExactly(longText, mixed);
            assertThat(b.message().body()).isEqualTo(mixed);
        }

        @Test
        void conversationsOfAnotherTenantAreNotFound() {
            ReceiveResult result = receiveSms(PHONE, "Hi");

            assertFails(ErrorCode.NOT_FOUND, null, () -> manager.getConversation(OTHER_TENANT, result.conversation().id()));
            assertFails(ErrorCode.NOT_FOUND, null, () -> manager.reply(OTHER_TENANT, result.conversation().id(), "hi", "staff"));
        }
    }

    @Nested
    class Validation {

        @Test
        void aProviderMessageWithCharactersNoDatabaseStoresIsKeptWithItsOriginal() {
            ReceiveResult result = manager.receive(smsFrom(PHONE, "Is 3pm ok?\u0000 broken \uD800 phone").providerMessageId("SMnul1")
                    .generateAiReply(false).build());

            Message stored = manager.getMessage(TENANT, result.message().id());
            assertThat(stored.body()).isEqualTo("Is 3pm ok? broken \uFFFD phone");
            assertThat(stored.metadata()).containsEntry(Message.META_ORIGINAL_BODY, "Is 3pm ok?\\u0000 broken \\uD800 phone");
            assertThat(manager.getConversation(TENANT, result.conversation().id()).messages()).hasSize(1);
        }

        @Test
        void typedTextThatCannotBeStoredIsRefusedWithItsField() {
            assertFails(ErrorCode.VALIDATION_FAILED, "content", () -> receiveSms(PHONE, "hello\u0000"));
            assertFails(ErrorCode.VALIDATION_FAILED, "customer_name", () -> manager.receive(
                    smsFrom(PHONE, "hello").customerName("Ana\u0000").build()));
            String id = receiveSms(PHONE, "hello").conversation().id();
            assertFails(ErrorCode.VALIDATION_FAILED, "content", () -> manager.reply(TENANT, id, "on my way\u0000", "staff"));
            assertFails(ErrorCode.VALIDATION_FAILED, "q", () -> manager.listConversations(TENANT, ConversationQuery.all().withText("a\u0000")));
        }

        @Test
        void nameIsRequiredForANewConversation() {
            assertFails(ErrorCode.VALIDATION_FAILED, "customer_name", () -> manager.receive(
                    InboundMessage.builder(TENANT, ChannelId.SMS).customerPhone(PHONE).body("Hi").build()));
        }

        @Test
        void phoneIsRequiredForSms() {
            assertFails(ErrorCode.VALIDATION_FAILED, "customer_phone", () -> manager.receive(
                    InboundMessage.builder(TENANT, ChannelId.SMS).customerName("Ana").body("Hi").build()));
        }

        @Test
        void invalidPhoneIsRejected() {
            assertFails(ErrorCode.VALIDATION_FAILED, "customer_phone", () -> receiveSms("12", "Hi"));
        }

        @Test
        void emailIsRequiredForEmail() {
            assertFails(ErrorCode.VALIDATION_FAILED, "customer_email", () -> manager.receive(
                    InboundMessage.builder(TENANT, ChannelId.EMAIL).customerName("Ana").subject("Hi").body("Hi").build()));
        }

        @Test
        void malformedEmailIsRejected() {
            assertFails(ErrorCode.VALIDATION_FAILED, "customer_email", () -> manager.receive(
                    emailFrom("not-an-address@", "Hi", "Hi").build()));
        }

        @Test
        void emptyContentIsRejected() {
            assertFails(ErrorCode.VALIDATION_FAILED, "content", () -> receiveSms(PHONE, "   "));
        }

        @Test
        void oversizedContentIsRejected() {
            assertFails(ErrorCode.VALIDATION_FAILED, "content", () -> receiveSms(PHONE, "x".repeat(5_001)));
        }

        @Test
        void unknownChannelIsRejected() {
            assertFails(ErrorCode.UNKNOWN_CHANNEL, "channel", () -> manager.receive(
                    InboundMessage.builder(TENANT, new ChannelId("pager")).customerName("Ana").customerPhone(PHONE).body("Hi").build()));
        }

        @Test
        void replyToUnknownConversationIsNotFound() {
            assertFails(ErrorCode.NOT_FOUND, null, () -> manager.reply(TENANT, "no-such-id", "Hello", "staff"));
        }

        @Test
        void replyToArchivedConversationConflicts() {
            ReceiveResult result = receiveSms(PHONE, "Hi");
            manager.changeStatus(TENANT, result.conversation().id(), ConversationStatus.ARCHIVED);

            assertFails(ErrorCode.CONFLICT, null, () -> manager.reply(TENANT, result.conversation().id(), "Hello", "staff"));
        }

        @Test
        void nothingIsStoredForRejectedInput() {
            assertThatThrownBy(() -> receiveSms("12", "Hi")).isInstanceOf(NonRetriableMessagingException.class);

            assertThat(manager.listConversations(TENANT, ConversationQuery.all()).total()).isZero();
        }
    }

    @Nested
    class Delivery {

        @Test
        void staffReplyIsQueuedThenSent() {
            ReceiveResult result = manager.receive(smsFrom(PHONE, "Hi").generateAiReply(false).build());

            Message reply = manager.reply(TENANT, result.conversation().id(), "See you Tuesday!", "front-desk");
            assertThat(reply.status()).isEqualTo(DeliveryStatus.QUEUED);
            assertThat(reply.author()).isEqualTo(Author.STAFF);

            assertThat(manager.deliverDue()).isEqualTo(1);
            Message sent = manager.getMessage(TENANT, reply.id());
            assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(sent.providerMessageId()).isNotNull();
            assertThat(sms.sent()).extracting(d -> d.message().body()).containsExactly("See you Tuesday!");
        }

        @Test
        void anMmsStartedWithSendKeepsItsMediaToTheChannel() {
            List<String> media = List.of("https://glow.example/aftercare.jpg");
            Message queued = manager.send(OutboundMessage.builder(TENANT, ChannelId.SMS).customerPhone(PHONE)
                    .body("Your aftercare sheet").mediaUrls(media).build());

            manager.deliverDue();

            assertThat(manager.getMessage(TENANT, queued.id()).mediaUrls()).isEqualTo(media);
            assertThat(sms.sent()).singleElement().satisfies(d -> assertThat(d.message().mediaUrls()).isEqualTo(media));
        }

        @Test
        void aSendRepeatedWithItsMessageIdQueuesOneMessageAndSendsItOnce() {
            OutboundMessage reminder = OutboundMessage.builder(TENANT, ChannelId.SMS).customerPhone(PHONE).body("Reminder")
                    .messageId("campaign-7-ana").build();

            Message first = manager.send(reminder);
            Message again = manager.send(reminder);
            manager.deliverDue();

            assertThat(first.id()).isEqualTo("campaign-7-ana");
            assertThat(again.id()).isEqualTo(first.id());
            assertThat(manager.getConversation(TENANT, first.conversationId()).messages()).hasSize(1);
            assertThat(sms.sent()).singleElement().satisfies(d -> assertThat(d.message().id()).isEqualTo(first.id()));
        }

        @Test
        void mediaOnAChannelThatCannotCarryItIsAValidationError() {
            assertFails(ErrorCode.VALIDATION_FAILED, "media_urls", () -> manager.send(OutboundMessage.builder(TENANT, ChannelId.EMAIL)
                    .customerEmail("erin@example.com").subject("Aftercare").body("Attached").mediaUrls(List.of("https://glow.example/a.jpg")).build()));
        }

        @Test
        void aMessageWhoseChannelIsGoneFailsWithTheUnknownChannelCode() {
            Message queued = manager.send(OutboundMessage.builder(TENANT, ChannelId.SMS).customerPhone(PHONE).body("Reminder").build());
            MessageManager withoutSms = MessageManager.builder().store(store).clock(clock).idGenerator(ids).channel(email).build();
            try (withoutSms) {
                withoutSms.deliverDue();

                Message failed = withoutSms.getMessage(TENANT, queued.id());
                assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
                assertThat(failed.errorCode()).isEqualTo(ErrorCode.UNKNOWN_CHANNEL.wireName());
            }
        }

        @Test
        void staffReplyIsAuditedWithTheActor() {
            ReceiveResult result = manager.receive(smsFrom(PHONE, "Hi").generateAiReply(false).build());
            Message reply = manager.reply(TENANT, result.conversation().id(), "Hello!", "front-desk");

            assertThat(manager.events(TENANT, result.conversation().id()))
                    .filteredOn(e -> e.type().equals(ConversationEvent.STAFF_ACTION))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.data()).containsEntry("actor", "front-desk").containsEntry("action", "reply");
                        assertThat(e.data()).containsEntry("message_id", reply.id());
                    });
        }

        @Test
        void statusesOnlyMoveForward() {
            Message reply = sentReply();
            String sid = reply.providerMessageId();

            assertThat(manager.updateDeliveryByProviderId(TENANT, ChannelId.SMS, sid, DeliveryUpdate.of(DeliveryStatus.DELIVERED, clock.instant())).outcome()).isEqualTo(CallbackResult.Outcome.APPLIED);
            assertThat(manager.updateDeliveryByProviderId(TENANT, ChannelId.SMS, sid, DeliveryUpdate.of(DeliveryStatus.SENT, clock.instant())).outcome()).isEqualTo(CallbackResult.Outcome.NOT_FORWARD);
            assertThat(manager.updateDeliveryByProviderId(TENANT, ChannelId.SMS, sid, DeliveryUpdate.of(DeliveryStatus.SENDING, clock.instant())).outcome()).isEqualTo(CallbackResult.Outcome.NOT_FORWARD);

            assertThat(manager.getMessage(TENANT, reply.id()).status()).isEqualTo(DeliveryStatus.DELIVERED);
        }

        @Test
        void aCallbackForNoMessageIsUnknownAndOneAtItsStatusReturnsTheMessageAsItStands() {
            Message reply = sentReply();
            DeliveryUpdate delivered = DeliveryUpdate.of(DeliveryStatus.DELIVERED, clock.instant());

            assertThat(manager.updateDeliveryByProviderId(TENANT, ChannelId.SMS, "SM-NOBODY", delivered))
                    .isEqualTo(CallbackResult.unknown());
            assertThat(manager.updateDelivery(TENANT, "no-such-message", delivered)).isEqualTo(CallbackResult.unknown());
            CallbackResult applied = manager.updateDelivery(TENANT, reply.id(), delivered);
            CallbackResult repeated = manager.updateDelivery(TENANT, reply.id(), delivered);

            assertThat(applied.applied()).isTrue();
            assertThat(applied.message().status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(repeated.outcome()).isEqualTo(CallbackResult.Outcome.NOT_FORWARD);
            assertThat(repeated.message().status()).isEqualTo(DeliveryStatus.DELIVERED);
        }

        @Test
        void repeatedCallbackIsANoOpButALaterStatusStillApplies() {
            Message reply = sentReply();
            String sid = reply.providerMessageId();

            assertThat(manager.updateDeliveryByProviderId(TENANT, ChannelId.SMS, sid, DeliveryUpdate.of(DeliveryStatus.SENT, clock.instant())).outcome()).isEqualTo(CallbackResult.Outcome.NOT_FORWARD);
            assertThat(manager.updateDeliveryByProviderId(TENANT, ChannelId.SMS, sid, DeliveryUpdate.of(DeliveryStatus.DELIVERED, clock.instant())).outcome()).isEqualTo(CallbackResult.Outcome.APPLIED);
            assertThat(manager.updateDeliveryByProviderId(TENANT, ChannelId.SMS, sid, DeliveryUpdate.of(DeliveryStatus.DELIVERED, clock.instant())).outcome()).isEqualTo(CallbackResult.Outcome.NOT_FORWARD);
        }

        @Test
        void statusChangesArePublished() {
            Message reply = sentReply();
            manager.updateDeliveryByProviderId(TENANT, ChannelId.SMS, reply.providerMessageId(), DeliveryUpdate.of(DeliveryStatus.DELIVERED, clock.instant()));

            assertThat(published).filteredOn(e -> e.type().equals(MessagingEvent.MESSAGE_STATUS) && reply.id().equals(e.messageId()))
                    .extracting(MessagingEvent::status)
                    .containsExactly(DeliveryStatus.SENT, DeliveryStatus.DELIVERED);
        }

        @Test
        void transientFailureIsRetriedAfterBackoff() {
            sms.failNext(new RetriableMessagingException("provider busy", Duration.ofSeconds(2), null));
            ReceiveResult result = manager.receive(smsFrom(PHONE, "Hi").generateAiReply(false).build());
            Message reply = manager.reply(TENANT, result.conversation().id(), "Hello!", "staff");

            manager.deliverDue();
            assertThat(manager.getMessage(TENANT, reply.id()).status()).isEqualTo(DeliveryStatus.QUEUED);
            assertThat(manager.deliverDue()).as("not due again before Retry-After").isZero();

            clock.advance(Duration.ofSeconds(2));
            manager.deliverDue();
            assertThat(manager.getMessage(TENANT, reply.id()).status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(sms.sent()).hasSize(1);
        }

        @Test
        void transientFailuresEndFailedAfterTheLastAttempt() {
            for (int i = 0; i < 3; i++) {
                sms.failNext(new RetriableMessagingException("provider down", null, null));
            }
            ReceiveResult result = manager.receive(smsFrom(PHONE, "Hi").generateAiReply(false).build());
            Message reply = manager.reply(TENANT, result.conversation().id(), "Hello!", "staff");

            for (int i = 0; i < 3; i++) {
                manager.deliverDue();
                clock.advance(Duration.ofSeconds(5));
            }

            Message failed = manager.getMessage(TENANT, reply.id());
            assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(failed.errorCode()).isEqualTo("provider_unavailable");
        }

        @Test
        void permanentFailureEndsFailedWithTheProviderCode() {
            sms.failNext(NonRetriableMessagingException.deliveryFailed("21211", "Invalid 'To' Phone Number"));
            ReceiveResult result = manager.receive(smsFrom(PHONE, "Hi").generateAiReply(false).build());
            Message reply = manager.reply(TENANT, result.conversation().id(), "Hello!", "staff");

            manager.deliverDue();

            Message failed = manager.getMessage(TENANT, reply.id());
            assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(failed.errorCode()).isEqualTo("21211");
            assertThat(failed.errorMessage()).contains("Invalid");
        }

        @Test
        void scheduledMessageWaitsUntilDueAndCanBeCanceled() {
            ReceiveResult result = manager.receive(smsFrom(PHONE, "Hi").generateAiReply(false).build());
            Message later = manager.send(dev.threadline.messaging.OutboundMessage.builder(TENANT, ChannelId.SMS)
                    .customerPhone(PHONE).body("Reminder: your appointment is tomorrow").sendAt(clock.instant().plus(Duration.ofHours(1))).build());
            Message canceled = manager.send(dev.threadline.messaging.OutboundMessage.builder(TENANT, ChannelId.SMS)
                    .customerPhone(PHONE).body("Never mind").sendAt(clock.instant().plus(Duration.ofHours(1))).build());

            assertThat(later.conversationId()).isEqualTo(result.conversation().id());
            assertThat(later.status()).isEqualTo(DeliveryStatus.SCHEDULED);
            assertThat(manager.deliverDue()).isZero();
            assertThat(manager.cancelScheduled(TENANT, canceled.id())).isTrue();

            clock.advance(Duration.ofHours(1));
            assertThat(manager.deliverDue()).isEqualTo(1);
            assertThat(manager.getMessage(TENANT, later.id()).status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(manager.getMessage(TENANT, canceled.id()).status()).isEqualTo(DeliveryStatus.CANCELED);
            assertThat(sms.sent()).extracting(d -> d.message().id()).containsExactly(later.id());
        }

        @Test
        void messageAProviderAlreadyReportedIsNotSentAgain() {
            ReceiveResult result = manager.receive(smsFrom(PHONE, "Hi").generateAiReply(false).build());
            Message reply = manager.reply(TENANT, result.conversation().id(), "Hello!", "staff");
            manager.updateDelivery(TENANT, reply.id(), DeliveryUpdate.of(DeliveryStatus.DELIVERED, clock.instant()));

            assertThat(manager.deliverDue()).isEqualTo(1);

            assertThat(sms.sent()).isEmpty();
            assertThat(manager.getMessage(TENANT, reply.id()).status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(manager.deliverDue()).as("the entry is gone").isZero();
        }

        @Test
        void permanentFailureIsResentOnTheTenantsFallbackChannel() {
            MessageManager withFallback = MessageManager.builder().store(createStore(clock, ids)).clock(clock).idGenerator(ids)
                    .channel(sms).channel(email)
                    .fallbackChannels((tenant, failed) -> failed.equals(ChannelId.SMS) ? ChannelId.EMAIL : null).build();
            try (withFallback) {
                sms.failNext(NonRetriableMessagingException.deliveryFailed("30003", "Unreachable destination handset"));
                ReceiveResult result = withFallback.receive(smsFrom(PHONE, "Hi").customerEmail("ana@example.com").generateAiReply(false).build());
                Message reply = withFallback.reply(TENANT, result.conversation().id(), "Your appointment moved to 3pm", "staff");

                withFallback.deliverDue();

                assertThat(withFallback.getMessage(TENANT, reply.id()).status()).isEqualTo(DeliveryStatus.FAILED);
                assertThat(email.sent()).singleElement().satisfies(d -> {
                    assertThat(d.message().body()).isEqualTo("Your appointment moved to 3pm");
                    assertThat(d.message().metadata()).containsEntry("fallback_for", reply.id());
                    assertThat(d.conversation().customerEmail()).isEqualTo("ana@example.com");
                });
                assertThat(withFallback.events(TENANT, result.conversation().id()))
                        .anySatisfy(e -> assertThat(e.type()).isEqualTo(ConversationEvent.FALLBACK_SENT));
            }
        }

        @Test
        void noFallbackWhenTheContactHasNoAddressThere() {
            MessageManager withFallback = MessageManager.builder().store(createStore(clock, ids)).clock(clock).idGenerator(ids)
                    .channel(sms).channel(email)
                    .fallbackChannels((tenant, failed) -> ChannelId.EMAIL).build();
            try (withFallback) {
                sms.failNext(NonRetriableMessagingException.deliveryFailed("30003", "Unreachable destination handset"));
                ReceiveResult result = withFallback.receive(smsFrom(PHONE, "Hi").generateAiReply(false).build());
                Message reply = withFallback.reply(TENANT, result.conversation().id(), "Hello", "staff");

                withFallback.deliverDue();

                assertThat(withFallback.getMessage(TENANT, reply.id()).status()).isEqualTo(DeliveryStatus.FAILED);
                assertThat(email.sent()).isEmpty();
            }
        }

        @Test
        void firstEmailWeStartKeepsItsSubjectAndRepliesGetRe() {
            Message first = manager.send(dev.threadline.messaging.OutboundMessage.builder(TENANT, ChannelId.EMAIL)
                    .customerName("Bo").customerEmail("bo@example.com").subject("Your visit on Friday").body("See you at 10!").build());
            Message second = manager.reply(TENANT, first.conversationId(), "Parking is behind the building.", "staff");

            assertThat(first.subject()).isEqualTo("Your visit on Friday");
            assertThat(second.subject()).isEqualTo("Re: Your visit on Friday");
        }

        private Message sentReply() {
            ReceiveResult result = manager.receive(smsFrom(PHONE, "Hi").generateAiReply(false).build());
            Message reply = manager.reply(TENANT, result.conversation().id(), "Hello!", "staff");
            manager.deliverDue();
            return manager.getMessage(TENANT, reply.id());
        }
    }

    /**
     * A worker that stops mid-send (a crash, {@code kill -9}) leaves its claim to run out. The message is then in
     * doubt: the provider may have it. It waits for the lease and the in-doubt grace, in which a callback with our
     * id confirms it; then the provider is asked, and only a message nobody confirmed is sent again, once.
     */
    @Nested
    class DeliveryInDoubt {

        private static final Duration LEASE = Duration.ofMinutes(2);
        private static final Duration GRACE = Duration.ofMinutes(1);

        private ProviderStandIn provider;
        private MessageManager sending;

        @BeforeEach
        void managerSendingThroughTheStandIn() {
            provider = new ProviderStandIn(clock);
            sending = MessageManager.builder().store(createStore(clock, ids)).clock(clock).idGenerator(ids).channel(provider)
                    .deliveryLease(LEASE).inDoubtGrace(GRACE).build();
        }

        @AfterEach
        void closeSending() {
            sending.close();
        }

        private Message queuedReply(String body) {
            ReceiveResult result = sending.receive(smsFrom(PHONE, "Hi").generateAiReply(false).build());
            return sending.reply(TENANT, result.conversation().id(), body, "staff");
        }

        /** Sends the queued message and stops the worker right after the provider took it. */
        private void workerStopsAfterTheSend() {
            provider.stopWorkerAfterNextSend();
            assertThatThrownBy(sending::deliverDue).isInstanceOf(ProviderStandIn.WorkerStopped.class);
        }

        private List<ConversationEvent> inDoubtEvents(Message message) {
            return sending.events(TENANT, message.conversationId()).stream()
                    .filter(e -> e.type().equals(ConversationEvent.DELIVERY_IN_DOUBT)).toList();
        }

        @Test
        void aMessageWhoseWorkerStoppedMidSendIsNotSentAgainBeforeTheLeaseAndGraceAreOver() {
            Message reply = queuedReply("See you at 3");
            workerStopsAfterTheSend();

            clock.advance(LEASE.plusSeconds(1));
            sending.deliverDue();
            clock.advance(GRACE.minusSeconds(2));
            sending.deliverDue();

            assertThat(provider.takenOf(reply.id())).hasSize(1);
            assertThat(sending.getMessage(TENANT, reply.id()).status()).isEqualTo(DeliveryStatus.QUEUED);
        }

        @Test
        void aCallbackWithOurIdDuringTheGraceCompletesItWithoutASecondSend() {
            Message reply = queuedReply("See you at 3");
            workerStopsAfterTheSend();
            String providerId = provider.takenOf(reply.id()).get(0).providerId();

            clock.advance(LEASE.plusSeconds(1));
            sending.deliverDue();
            sending.updateDelivery(TENANT, reply.id(), new DeliveryUpdate(DeliveryStatus.DELIVERED, clock.instant(), providerId, null, null));
            clock.advance(GRACE);
            sending.deliverDue();

            assertThat(provider.takenOf(reply.id())).hasSize(1);
            assertThat(sending.getMessage(TENANT, reply.id())).extracting(Message::status, Message::providerMessageId)
                    .containsExactly(DeliveryStatus.DELIVERED, providerId);
            assertThat(sending.deliverDue()).as("the entry is gone").isZero();
            assertThat(inDoubtEvents(reply)).isEmpty();
        }

        @Test
        void anUnconfirmedMessageIsSentAgainOnceAfterTheGraceAndRecordedAsInDoubt() {
            Message reply = queuedReply("See you at 3");
            workerStopsAfterTheSend();

            clock.advance(LEASE.plus(GRACE));
            sending.deliverDue();
            clock.advance(LEASE.plus(GRACE));
            sending.deliverDue();

            List<ProviderStandIn.Taken> taken = provider.takenOf(reply.id());
            assertThat(taken).hasSize(2);
            assertThat(sending.getMessage(TENANT, reply.id())).extracting(Message::status, Message::providerMessageId)
                    .containsExactly(DeliveryStatus.SENT, taken.get(1).providerId());
            assertThat(inDoubtEvents(reply)).singleElement().satisfies(e -> assertThat(e.data())
                    .containsEntry("message_id", reply.id()).containsEntry("resolution", "resent").containsEntry("lookup", "unavailable"));
        }

        @Test
        void aProviderLookupThatFindsTheMessageSettlesTheDoubtWithoutASecondSend() {
            provider.answerLookups();
            Message reply = queuedReply("See you at 3");
            workerStopsAfterTheSend();
            String providerId = provider.takenOf(reply.id()).get(0).providerId();

            clock.advance(LEASE.plus(GRACE));
            sending.deliverDue();

            assertThat(provider.takenOf(reply.id())).hasSize(1);
            assertThat(sending.getMessage(TENANT, reply.id())).extracting(Message::status, Message::providerMessageId)
                    .containsExactly(DeliveryStatus.SENT, providerId);
            assertThat(inDoubtEvents(reply)).singleElement().satisfies(e -> assertThat(e.data())
                    .containsEntry("resolution", "found_at_provider").containsEntry("provider_message_id", providerId));
            assertThat(sending.deliverDue()).as("the entry is gone").isZero();
        }

        @Test
        void aLookupMatchThatIsAnotherMessagesIsNotTakenForTheOneInDoubt() {
            provider.answerLookups();
            Message first = queuedReply("Thanks!");
            sending.deliverDue();
            Message second = sending.reply(TENANT, first.conversationId(), "Thanks!", "staff");
            provider.stopWorkerBeforeNextSend();
            assertThatThrownBy(sending::deliverDue).isInstanceOf(ProviderStandIn.WorkerStopped.class);

            clock.advance(LEASE.plus(GRACE));
            sending.deliverDue();

            assertThat(provider.takenOf(second.id())).as("sent once, after the lookup found only the first").hasSize(1);
            assertThat(sending.getMessage(TENANT, second.id()).providerMessageId()).isEqualTo(provider.takenOf(second.id()).get(0).providerId());
            assertThat(sending.getMessage(TENANT, first.id()).providerMessageId()).isEqualTo(provider.takenOf(first.id()).get(0).providerId());
            assertThat(inDoubtEvents(second)).singleElement().satisfies(e -> assertThat(e.data())
                    .containsEntry("resolution", "resent").containsEntry("lookup", "not_found"));
        }

        @Test
        void aProviderThatCannotBeAskedLeavesTheMessageInDoubtUntilItAnswers() {
            provider.answerLookups();
            provider.failNextLookup();
            Message reply = queuedReply("See you at 3");
            workerStopsAfterTheSend();

            clock.advance(LEASE.plus(GRACE));
            sending.deliverDue();
            assertThat(provider.takenOf(reply.id())).as("not sent while the provider cannot be asked").hasSize(1);
            clock.advance(LEASE.plus(GRACE));
            sending.deliverDue();

            assertThat(provider.takenOf(reply.id())).hasSize(1);
            assertThat(sending.getMessage(TENANT, reply.id()).status()).isEqualTo(DeliveryStatus.SENT);
        }

        @Test
        void aProviderIdAnotherMessageHasFailsTheMessageInsteadOfLeavingItToBeSentAgain() {
            provider.answerEverySendWith("SM-SAME");
            Message first = queuedReply("First");
            Message second = sending.reply(TENANT, first.conversationId(), "Second", "staff");

            sending.deliverDue();
            clock.advance(LEASE.plus(GRACE));
            sending.deliverDue();

            assertThat(provider.taken()).hasSize(2);
            assertThat(sending.getMessage(TENANT, first.id())).extracting(Message::status, Message::providerMessageId)
                    .containsExactly(DeliveryStatus.SENT, "SM-SAME");
            Message failed = sending.getMessage(TENANT, second.id());
            assertThat(failed).extracting(Message::status, Message::errorCode, Message::providerMessageId)
                    .containsExactly(DeliveryStatus.FAILED, "provider_id_conflict", null);
            assertThat(failed.errorMessage()).contains("SM-SAME", first.id());
        }
    }

    @Nested
    class ReadState {

        @Test
        void viewingDoesNotMarkReadButMarkReadZeroesUnread() {
            ReceiveResult result = manager.receive(smsFrom(PHONE, "Hi").generateAiReply(false).build());
            receiveSms(PHONE, "Are you there?");
            manager.receive(emailFrom("erin@example.com", "Hours", "When are you open?").generateAiReply(false).build());

            manager.getConversation(TENANT, result.conversation().id());
            assertThat(manager.getConversation(TENANT, result.conversation().id()).conversation().unreadCount()).isEqualTo(2);
            assertThat(manager.unreadCounts(TENANT)).containsEntry(ChannelId.SMS, 2L).containsEntry(ChannelId.EMAIL, 1L);

            assertThat(manager.markRead(TENANT, result.conversation().id())).as("how many were unread").isEqualTo(2);
            assertThat(manager.getConversation(TENANT, result.conversation().id()).conversation().unreadCount()).isZero();
            assertThat(manager.markRead(TENANT, result.conversation().id())).as("nothing left to mark").isZero();
            assertThat(manager.unreadCounts(TENANT)).doesNotContainKey(ChannelId.SMS).containsEntry(ChannelId.EMAIL, 1L);
        }

        @Test
        void outboundMessagesDoNotCountAsUnread() {
            ReceiveResult result = receiveSms(PHONE, "Do you do Botox?");

            assertThat(manager.getConversation(TENANT, result.conversation().id()).conversation().unreadCount()).isEqualTo(1);
        }
    }

    @Nested
    class OptOut {

        @Test
        void stopOptsOutAndBlocksSending() {
            ReceiveResult result = receiveSms(PHONE, "stop");

            assertThat(result.aiReply()).isNull();
            assertThat(manager.events(TENANT, result.conversation().id()))
                    .anySatisfy(e -> assertThat(e.type()).isEqualTo(ConversationEvent.OPTED_OUT));
            assertFails(ErrorCode.RECIPIENT_OPTED_OUT, null, () -> manager.reply(TENANT, result.conversation().id(), "Hello?", "staff"));
        }

        @Test
        void everyStopKeywordOptsOut() {
            List<String> keywords = List.of("STOP", "StopAll", "UNSUBSCRIBE", "cancel", "END", "quit", "Revoke", "opt out",
                    "OPT-OUT!", "optout", "Stop all.");
            for (int i = 0; i < keywords.size(); i++) {
                String phone = "+155512345" + (10 + i);
                ReceiveResult result = receiveSms(phone, keywords.get(i));
                assertFails(ErrorCode.RECIPIENT_OPTED_OUT, null, () -> manager.reply(TENANT, result.conversation().id(), "Hello?", "staff"));
            }
        }

        @Test
        void stopInsideASentenceIsNotAnOptOut() {
            ReceiveResult result = receiveSms(PHONE, "Please don't stop the reminders");

            assertThat(manager.reply(TENANT, result.conversation().id(), "We won't!", "staff").status()).isEqualTo(DeliveryStatus.QUEUED);
        }

        @Test
        void stopIsStoredWithItsOptOutAndCallsNoProvider() {
            AtomicInteger headlines = new AtomicInteger();
            MessageManager counting = MessageManager.builder().store(createStore(clock, ids)).clock(clock).idGenerator(ids)
                    .channel(sms).responder(new KnowledgeBaseResponder(MED_SPA))
                    .summarizer(new ConversationSummarizer() {
                        private final HeuristicSummarizer heuristic = new HeuristicSummarizer();

                        @Override
                        public String headline(Conversation conversation, List<Message> messages) {
                            headlines.incrementAndGet();
                            return heuristic.headline(conversation, messages);
                        }

                        @Override
                        public List<String> suggestReplies(Conversation conversation, List<Message> messages) {
                            return heuristic.suggestReplies(conversation, messages);
                        }
                    })
                    .build();
            try {
                String id = counting.receive(smsFrom(PHONE, "Do you do Botox?").build()).conversation().id();
                int before = headlines.get();

                ReceiveResult stop = counting.receive(smsFrom(PHONE, "Stop.").build());

                assertThat(stop.aiReply()).isNull();
                assertThat(headlines.get()).as("headline calls for the STOP").isEqualTo(before);
                assertThat(counting.getConversation(TENANT, id).contact().isOptedOut(ChannelId.SMS)).isTrue();
                assertThat(counting.events(TENANT, id)).filteredOn(e -> e.type().equals(ConversationEvent.OPTED_OUT))
                        .singleElement().satisfies(e -> assertThat(e.data()).containsEntry("keyword", "Stop.").containsEntry("reason", "keyword"));
            } finally {
                counting.close();
            }
        }

        @Test
        void aRepeatedStopWebhookOptsOutOnce() {
            InboundMessage stop = smsFrom(PHONE, "STOP").providerMessageId("SM-stop-1").build();
            ReceiveResult first = manager.receive(stop);
            ReceiveResult again = manager.receive(stop);

            assertThat(again.duplicate()).isTrue();
            assertThat(manager.events(TENANT, first.conversation().id()))
                    .filteredOn(e -> e.type().equals(ConversationEvent.OPTED_OUT)).hasSize(1);
        }

        @Test
        void yesFromACustomerWhoNeverOptedOutIsJustAnAnswer() {
            receiveSms(PHONE, "Can I book Botox?");

            ReceiveResult yes = receiveSms(PHONE, "Yes");

            assertThat(yes.aiReply()).as("AI reply to a plain yes").isNotNull();
            assertThat(manager.events(TENANT, yes.conversation().id())).extracting(ConversationEvent::type)
                    .doesNotContain(ConversationEvent.OPTED_IN);
        }

        @Test
        void aPlainWordsRequestToStopOptsOutFlagsStaffAndGetsNoAiReply() {
            ReceiveResult request = receiveSms(PHONE, "Please stop texting me, I'm not interested");

            assertThat(request.aiReply()).isNull();
            ConversationDetail detail = manager.getConversation(TENANT, request.conversation().id());
            assertThat(detail.contact().isOptedOut(ChannelId.SMS)).isTrue();
            assertThat(detail.conversation().metadata()).containsEntry(Conversation.NEEDS_STAFF, "stop_request");
            assertThat(manager.events(TENANT, request.conversation().id())).extracting(ConversationEvent::type)
                    .contains(ConversationEvent.OPTED_OUT, ConversationEvent.FLAGGED_FOR_STAFF);
            assertFails(ErrorCode.RECIPIENT_OPTED_OUT, null, () -> manager.reply(TENANT, request.conversation().id(), "Sorry!", "staff"));
        }

        @Test
        void aTenantCanHoldPlainWordsRequestsForStaffToConfirm() {
            MessageManager holding = MessageManager.builder().store(createStore(clock, ids)).clock(clock).idGenerator(ids)
                    .channel(sms).responder(new KnowledgeBaseResponder(MED_SPA))
                    .consentPolicies(tenant -> ConsentPolicy.DEFAULT.withStopRequests(ConsentPolicy.StopRequestHandling.HOLD_FOR_STAFF))
                    .build();
            try {
                ReceiveResult request = holding.receive(smsFrom(PHONE, "Sácame de tu lista por favor").build());

                assertThat(request.aiReply()).isNull();
                ConversationDetail detail = holding.getConversation(TENANT, request.conversation().id());
                assertThat(detail.contact().isOptedOut(ChannelId.SMS)).isFalse();
                assertThat(detail.conversation().metadata()).containsEntry(Conversation.NEEDS_STAFF, "stop_request");

                holding.optOutForMessage(TENANT, request.message().id(), "confirmed by staff");
                assertThat(holding.getConversation(TENANT, request.conversation().id()).contact().isOptedOut(ChannelId.SMS)).isTrue();
            } finally {
                holding.close();
            }
        }

        /**
         * A staff reply races the customer's STOP, 200 times, with delivery workers running: whatever the
         * interleaving, the channel is never handed a message for that customer after the STOP was accepted.
         */
        @Test
        void noMessageReachesTheChannelAfterAStopWasAccepted() throws Exception {
            AtomicLong ticks = new AtomicLong();
            Map<String, List<Long>> sendsByRecipient = new ConcurrentHashMap<>();
            SimulatorChannel simulator = new SimulatorChannel(ChannelId.SMS);
            Channel recording = new Channel() {
                @Override
                public ChannelId id() {
                    return ChannelId.SMS;
                }

                @Override
                public ChannelCapabilities capabilities() {
                    return simulator.capabilities();
                }

                @Override
                public SendResult send(OutboundDelivery delivery) {
                    sendsByRecipient.computeIfAbsent(delivery.conversation().customerPhone(), k -> new CopyOnWriteArrayList<>())
                            .add(ticks.incrementAndGet());
                    return simulator.send(delivery);
                }
            };
            MessageManager racing = MessageManager.builder().store(createStore(clock, ids)).clock(clock).idGenerator(ids)
                    .channel(recording).pollInterval(Duration.ofMillis(2)).build();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Map<String, Long> stopAcceptedAt = new HashMap<>();
            int refused = 0;
            try {
                racing.startDelivery(2);
                for (int i = 0; i < 200; i++) {
                    String phone = String.format(java.util.Locale.ROOT, "+1555301%04d", i);
                    String id = racing.receive(smsFrom(phone, "Hi there").generateAiReply(false).build()).conversation().id();
                    CountDownLatch go = new CountDownLatch(1);
                    Future<Long> stop = pool.submit(() -> {
                        go.await();
                        racing.receive(smsFrom(phone, "STOP").build());
                        return ticks.incrementAndGet();
                    });
                    Future<Boolean> reply = pool.submit(() -> {
                        go.await();
                        try {
                            racing.reply(TENANT, id, "Are you still coming on Tuesday?", "staff");
                            return true;
                        } catch (NonRetriableMessagingException e) {
                            assertThat(e.code()).isEqualTo(ErrorCode.RECIPIENT_OPTED_OUT);
                            return false;
                        }
                    });
                    go.countDown();
                    stopAcceptedAt.put(phone, stop.get(30, TimeUnit.SECONDS));
                    refused += reply.get(30, TimeUnit.SECONDS) ? 0 : 1;
                }
            } finally {
                racing.close();
                pool.shutdownNow();
            }

            assertThat(sendsByRecipient.values().stream().mapToInt(List::size).sum() + refused)
                    .as("replies either sent before the STOP or refused").isLessThanOrEqualTo(200);
            sendsByRecipient.forEach((phone, sendTicks) -> assertThat(sendTicks)
                    .as("sends to %s, whose STOP was accepted at tick %d", phone, stopAcceptedAt.get(phone))
                    .allSatisfy(tick -> assertThat(tick).isLessThan(stopAcceptedAt.get(phone))));
        }

        @Test
        void startOptsBackIn() {
            ReceiveResult stopped = receiveSms(PHONE, "STOP");
            receiveSms(PHONE, "start");

            assertThat(manager.reply(TENANT, stopped.conversation().id(), "Welcome back!", "staff").status()).isEqualTo(DeliveryStatus.QUEUED);
            assertThat(manager.events(TENANT, stopped.conversation().id()))
                    .extracting(ConversationEvent::type)
                    .containsSubsequence(ConversationEvent.OPTED_OUT, ConversationEvent.OPTED_IN);
        }

        @Test
        void helpGetsTheHelpText() {
            ReceiveResult result = receiveSms(PHONE, "HELP");

            assertThat(result.aiReply()).isNotNull();
            assertThat(result.aiReply().author()).isEqualTo(Author.SYSTEM);
            assertThat(result.aiReply().body()).contains("STOP");
        }

        @Test
        void optOutIsPerChannel() {
            receiveSms(PHONE, "STOP");
            ReceiveResult mail = manager.receive(emailFrom("erin@example.com", "Hi", "Hello").customerPhone(PHONE).generateAiReply(false).build());

            assertThat(manager.reply(TENANT, mail.conversation().id(), "Hi Erin", "staff").status()).isEqualTo(DeliveryStatus.QUEUED);
        }
    }

    @Nested
    class Listing {

        @Test
        void aContactShowsEveryConversationOnEveryChannelAndTheListFindsIt() {
            ReceiveResult sms = manager.receive(smsFrom(PHONE, "Hi").generateAiReply(false).build());
            clock.advance(Duration.ofMinutes(1));
            Message mail = manager.send(OutboundMessage.builder(TENANT, ChannelId.EMAIL).customerPhone(PHONE)
                    .customerEmail("ana@example.com").subject("Your visit").body("See you").build());
            String contactId = sms.conversation().contactId();

            ContactDetail detail = manager.getContact(TENANT, contactId);
            ContactPage found = manager.listContacts(TENANT, ContactQuery.all().withText(PHONE.substring(2)));

            assertThat(detail.conversations()).extracting(Conversation::id).containsExactly(mail.conversationId(), sms.conversation().id());
            assertThat(found.contacts()).singleElement().satisfies(summary -> {
                assertThat(summary.contact().id()).isEqualTo(contactId);
                assertThat(summary.channels()).containsExactlyInAnyOrder(ChannelId.SMS, ChannelId.EMAIL);
                assertThat(summary.conversationCount()).isEqualTo(2);
            });
        }

        @Test
        void anUnknownContactIsNotFoundAndABadCursorNamesIt() {
            assertFails(ErrorCode.NOT_FOUND, null, () -> manager.getContact(TENANT, "no-such-contact"));
            assertFails(ErrorCode.VALIDATION_FAILED, "cursor", () -> manager.listContacts(TENANT, ContactQuery.all().withCursor("%%%")));
        }

        @Test
        void aLongConversationIsReadAWindowAtATimeNewestFirst() {
            String conversationId = null;
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                ReceiveResult received = manager.receive(smsFrom(PHONE, "message " + i).generateAiReply(false).build());
                conversationId = received.conversation().id();
                sent.add(received.message().id());
            }

            ConversationDetail newest = manager.getConversation(TENANT, conversationId, 3, null);
            ConversationDetail before = manager.getConversation(TENANT, conversationId, 3, newest.earlierCursor());
            ConversationDetail first = manager.getConversation(TENANT, conversationId, 3, before.earlierCursor());

            assertThat(newest.messages()).extracting(Message::id).containsExactlyElementsOf(sent.subList(4, 7));
            assertThat(before.messages()).extracting(Message::id).containsExactlyElementsOf(sent.subList(1, 4));
            assertThat(first.messages()).extracting(Message::id).containsExactly(sent.get(0));
            assertThat(first.earlierCursor()).isNull();
            assertThat(manager.getConversation(TENANT, conversationId).earlierCursor()).isNull();
            String id = conversationId;
            assertFails(ErrorCode.VALIDATION_FAILED, "messages", () -> manager.getConversation(TENANT, id, 0, null));
            assertFails(ErrorCode.VALIDATION_FAILED, "before", () -> manager.getConversation(TENANT, id, 3, "no-such-message"));
        }

        @Test
        void newestActivityFirstWithChannelAndStatusFilters() {
            String a = manager.receive(smsFrom("+15550000001", "First").generateAiReply(false).build()).conversation().id();
            clock.advance(Duration.ofMinutes(1));
            String b = manager.receive(emailFrom("b@example.com", "Second", "Second").generateAiReply(false).build()).conversation().id();
            clock.advance(Duration.ofMinutes(1));
            String c = manager.receive(smsFrom("+15550000003", "Third").generateAiReply(false).build()).conversation().id();
            manager.changeStatus(TENANT, c, ConversationStatus.COMPLETED);

            assertThat(ids(ConversationQuery.all())).containsExactly(c, b, a);
            assertThat(ids(ConversationQuery.all().withChannel(ChannelId.SMS))).containsExactly(c, a);
            assertThat(ids(ConversationQuery.all().withStatus(ConversationStatus.ACTIVE))).containsExactly(b, a);
            assertThat(ids(ConversationQuery.all().withChannel(ChannelId.SMS).withStatus(ConversationStatus.COMPLETED))).containsExactly(c);
        }

        @Test
        void unreadFilterAndTextSearch() {
            String botox = manager.receive(smsFrom("+15550000001", "Do you do Botox?").generateAiReply(false).build()).conversation().id();
            String hours = manager.receive(emailFrom("zoe@example.com", "Opening hours", "When are you open?").customerName("Zoe Quinn")
                    .generateAiReply(false).build()).conversation().id();
            manager.markRead(TENANT, hours);

            assertThat(ids(ConversationQuery.all().withUnreadOnly(true))).containsExactly(botox);
            assertThat(ids(ConversationQuery.all().withText("botox"))).containsExactly(botox);
            assertThat(ids(ConversationQuery.all().withText("ZOE"))).containsExactly(hours);
            assertThat(ids(ConversationQuery.all().withText("opening"))).containsExactly(hours);
            assertThat(ids(ConversationQuery.all().withText("+1555000000"))).containsExactlyInAnyOrder(botox);
        }

        @Test
        void pagesAndCursorsCoverEveryConversationOnce() {
            List<String> created = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                created.add(0, manager.receive(smsFrom("+1555000001" + i, "Hello " + i).generateAiReply(false).build()).conversation().id());
                clock.advance(Duration.ofSeconds(i % 2)); // pairs share a timestamp: ties break by id
            }

            ConversationPage page2 = manager.listConversations(TENANT, ConversationQuery.all().withPage(2, 3));
            assertThat(page2.total()).isEqualTo(7);
            List<String> viaCursor = new ArrayList<>();
            ConversationPage page = manager.listConversations(TENANT, ConversationQuery.all().withPage(1, 3));
            while (true) {
                page.conversations().forEach(c -> viaCursor.add(c.id()));
                if (page.nextCursor() == null) {
                    break;
                }
                page = manager.listConversations(TENANT, ConversationQuery.all().withPage(1, 3).withCursor(page.nextCursor()));
            }

            List<String> expectedOrder = manager.listConversations(TENANT, ConversationQuery.all().withPage(1, 100))
                    .conversations().stream().map(Conversation::id).toList();
            assertThat(expectedOrder).containsExactlyInAnyOrderElementsOf(created);
            assertThat(viaCursor).containsExactlyElementsOf(expectedOrder);
            assertThat(page2.conversations()).extracting(Conversation::id).containsExactlyElementsOf(expectedOrder.subList(3, 6));
        }

        @Test
        void detailListsMessagesInArrivalOrder() {
            ReceiveResult first = manager.receive(smsFrom(PHONE, "one").generateAiReply(false).build());
            manager.reply(TENANT, first.conversation().id(), "two", "staff");
            manager.receive(smsFrom(PHONE, "three").generateAiReply(false).build());
            clock.advance(Duration.ofSeconds(1));
            manager.receive(smsFrom(PHONE, "four").generateAiReply(false).build());

            ConversationDetail detail = manager.getConversation(TENANT, first.conversation().id());
            assertThat(detail.messages()).extracting(Message::body).containsExactly("one", "two", "three", "four");
            assertThat(detail.messages()).extracting(Message::direction)
                    .containsExactly(Direction.INBOUND, Direction.OUTBOUND, Direction.INBOUND, Direction.INBOUND);
            assertThat(detail.contact().phone()).isEqualTo(PHONE);
        }

        private List<String> ids(ConversationQuery query) {
            return manager.listConversations(TENANT, query).conversations().stream().map(Conversation::id).toList();
        }
    }

    @Nested
    class Ai {

        @Test
        void aFallbackReplyIsStoredMarkedAndReportedWithTheProviderFailure() {
            dev.threadline.messaging.spi.AiResponder down = request -> {
                throw new RetriableMessagingException("the AI provider answered 503", Duration.ofSeconds(30), null);
            };
            MessageManager falling = MessageManager.builder().store(createStore(clock, ids)).clock(clock).idGenerator(ids)
                    .channel(sms).responder(down.withFallback(new KnowledgeBaseResponder(MED_SPA))).build();
            try (falling) {
                ReceiveResult result = falling.receive(smsFrom(PHONE, "How much is Botox?").build());

                assertThat(result.aiReply()).isNotNull();
                assertThat(result.aiReply().body()).contains("$12 per unit");
                assertThat(result.aiError()).as("the outage is reported with the fallback reply").isNotNull();
                assertThat(result.aiError().code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
                assertThat(result.aiError().getMessage()).contains("503");
                assertThat(falling.getMessage(TENANT, result.aiReply().id()).metadata())
                        .containsEntry(Message.META_AI_FALLBACK, "true")
                        .containsEntry(Message.META_AI_ERROR_CODE, "provider_unavailable")
                        .containsEntry(Message.META_AI_ERROR_MESSAGE, "the AI provider answered 503");
                assertThat(falling.events(TENANT, result.conversation().id()))
                        .filteredOn(e -> e.type().equals(ConversationEvent.AI_FAILED)).singleElement()
                        .satisfies(e -> assertThat(e.data()).containsEntry("code", "provider_unavailable"));
            }
        }

        @Test
        void askingForAReplyWhenTheLastMessageIsOursIsAConflictUnlessItIsAFollowUp() {
            ReceiveResult asked = manager.receive(smsFrom(PHONE, "How much is Botox?").build());
            assertThat(asked.aiReply()).isNotNull();
            String conversationId = asked.conversation().id();

            assertThatThrownBy(() -> manager.generateReply(TENANT, conversationId))
                    .isInstanceOfSatisfying(NonRetriableMessagingException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
            Message followUp = manager.generateFollowUp(TENANT, conversationId);

            assertThat(followUp.direction()).isEqualTo(Direction.OUTBOUND);
            assertThat(manager.getConversation(TENANT, conversationId).messages()).hasSize(3);
        }

        @Test
        void aReplyCanBeAskedForWhileTheCustomerHasTheLastWord() {
            ReceiveResult asked = manager.receive(smsFrom(PHONE, "How much is Botox?").generateAiReply(false).build());

            assertThat(manager.generateReply(TENANT, asked.conversation().id()).body()).contains("$12 per unit");
        }

        @Test
        void anOutOfOfficeReplyIsStoredMarkedAndNeverAnswered() {
            ReceiveResult asked = manager.receive(emailFrom("erin@example.com", "Botox pricing", "How much is Botox?").build());
            assertThat(asked.aiReply()).isNotNull();

            ReceiveResult away = manager.receive(emailFrom("erin@example.com", "Automatic reply: Botox pricing",
                    "I am out of the office until Monday.").headers(Map.of("Auto-Submitted", "auto-replied"))
                    .references(List.of(asked.aiReply().threadRef())).build());

            assertThat(away.conversation().id()).isEqualTo(asked.conversation().id());
            assertThat(away.aiReply()).as("AI reply to an auto-reply").isNull();
            assertThat(away.aiError()).isNull();
            assertThat(manager.getMessage(TENANT, away.message().id()).metadata())
                    .containsEntry(Message.META_AUTO_REPLY, "auto-submitted: auto-replied");
        }

        @Test
        void anAutoResponderLoopIsCutOffAndFlaggedForStaff() {
            String autoText = "I'm driving with Do Not Disturb While Driving turned on. I'll see your message when I get where I'm going.";
            ReceiveResult first = receiveSms(PHONE, "Do you do Botox?");
            List<Message> aiReplies = new ArrayList<>(List.of(first.aiReply()));
            ReceiveResult last = null;
            for (int i = 0; i < 5; i++) {
                clock.advance(Duration.ofMinutes(1));
                last = receiveSms(PHONE, autoText);
                if (last.aiReply() != null) {
                    aiReplies.add(last.aiReply());
                }
            }

            // The first "I'm driving" still reads as a person's turn; its repeats do not, so the AI answers it
            // and then stops at the limit: one reply to the question plus the limit's worth.
            assertThat(aiReplies).hasSize(1 + AiLoopGuard.DEFAULT.maxReplies());
            assertThat(last.aiReply()).isNull();
            assertThat(manager.getConversation(TENANT, first.conversation().id()).conversation().metadata())
                    .containsEntry(Conversation.NEEDS_STAFF, "ai_loop_guard");
            assertThat(manager.events(TENANT, first.conversation().id()))
                    .filteredOn(e -> e.type().equals(ConversationEvent.FLAGGED_FOR_STAFF)).hasSize(1);

            clock.advance(Duration.ofMinutes(1));
            assertThat(receiveSms(PHONE, "Sorry, that was my car. Is Friday at 3 free?").aiReply())
                    .as("a person's turn is answered again").isNotNull();
        }

        @Test
        void aReplyOfTheProviderItselfCarriesNoFallbackMark() {
            ReceiveResult result = receiveSms(PHONE, "How much is Botox?");

            assertThat(result.aiError()).isNull();
            assertThat(result.aiReply().metadata()).doesNotContainKey(Message.META_AI_FALLBACK);
        }

        @Test
        void headlineSaysWhatTheCustomerWantsNotTheGreeting() {
            ReceiveResult result = manager.receive(smsFrom(PHONE, "Hi there!").generateAiReply(false).build());
            manager.receive(smsFrom(PHONE, "Can I book Botox Friday?").generateAiReply(false).build());

            String headline = manager.getConversation(TENANT, result.conversation().id()).conversation().headline();
            assertThat(headline).containsIgnoringCase("botox").containsIgnoringCase("book").doesNotContainIgnoringCase("hi there");
        }

        @Test
        void offlineResponderSaysHonestlyWhenItDoesNotKnow() {
            ReceiveResult result = receiveSms(PHONE, "Do you sell gift cards for my mother-in-law?");

            assertThat(result.aiReply().body()).contains("team member will follow up");
        }

        @Test
        void draftModeHoldsTheReplyForApprovalAndEdit() {
            MessageManager drafting = MessageManager.builder().store(createStore(clock, ids)).clock(clock).idGenerator(ids)
                    .channel(sms).responder(new KnowledgeBaseResponder(MED_SPA)).aiMode(dev.threadline.messaging.AiMode.DRAFT).build();
            try (drafting) {
                ReceiveResult result = drafting.receive(smsFrom(PHONE, "What are your hours?").build());
                Message draft = result.aiReply();
                assertThat(draft.status()).isEqualTo(DeliveryStatus.DRAFT);
                assertThat(drafting.deliverDue()).isZero();

                Message queued = drafting.approveDraft(TENANT, draft.id(), "We're open 9-6 today!", "front-desk");
                assertThat(queued.status()).isEqualTo(DeliveryStatus.QUEUED);
                assertThat(drafting.deliverDue()).isEqualTo(1);
                assertThat(drafting.getMessage(TENANT, draft.id()).body()).isEqualTo("We're open 9-6 today!");
                assertFails(ErrorCode.CONFLICT, null, () -> drafting.approveDraft(TENANT, draft.id(), null, "front-desk"));
                assertFails(ErrorCode.CONFLICT, null, () -> drafting.discardDraft(TENANT, draft.id(), "front-desk"));
            }
        }

        @Test
        void discardedDraftIsCanceledAndNeverSent() {
            MessageManager drafting = MessageManager.builder().store(createStore(clock, ids)).clock(clock).idGenerator(ids)
                    .channel(sms).responder(new KnowledgeBaseResponder(MED_SPA)).aiMode(dev.threadline.messaging.AiMode.DRAFT).build();
            try (drafting) {
                Message draft = drafting.receive(smsFrom(PHONE, "What are your hours?").build()).aiReply();

                drafting.discardDraft(TENANT, draft.id(), "front-desk");

                assertThat(drafting.getMessage(TENANT, draft.id()).status()).isEqualTo(DeliveryStatus.CANCELED);
                assertThat(drafting.deliverDue()).isZero();
            }
        }

        @Test
        void theListShowsWhatTheCustomerGotNotDrafts() {
            MessageManager drafting = MessageManager.builder().store(createStore(clock, ids)).clock(clock).idGenerator(ids)
                    .channel(sms).responder(new KnowledgeBaseResponder(MED_SPA)).aiMode(dev.threadline.messaging.AiMode.DRAFT).build();
            try (drafting) {
                ReceiveResult asked = drafting.receive(smsFrom(PHONE, "What are your hours?").build());
                String conversationId = asked.conversation().id();
                Conversation withDraft = drafting.getConversation(TENANT, conversationId).conversation();
                assertThat(withDraft.messageCount()).as("a draft is not counted").isEqualTo(1);
                assertThat(withDraft.lastMessagePreview()).isEqualTo("What are your hours?");

                drafting.approveDraft(TENANT, asked.aiReply().id(), "We're open 9-6 today!", "front-desk");
                Conversation approved = drafting.getConversation(TENANT, conversationId).conversation();
                assertThat(approved.messageCount()).isEqualTo(2);
                assertThat(approved.lastMessagePreview()).as("the text that is sent, not the draft's").isEqualTo("We're open 9-6 today!");

                Message second = drafting.receive(smsFrom(PHONE, "And on Sunday?").build()).aiReply();
                drafting.discardDraft(TENANT, second.id(), "front-desk");
                Conversation discarded = drafting.getConversation(TENANT, conversationId).conversation();
                assertThat(discarded.messageCount()).isEqualTo(3);
                assertThat(discarded.lastMessagePreview()).isEqualTo("And on Sunday?");
            }
        }

        @Test
        void failingResponderKeepsTheCustomerMessage() {
            MessageManager failing = MessageManager.builder().store(createStore(clock, ids)).clock(clock).idGenerator(ids).channel(sms)
                    .responder(request -> {
                        throw new RetriableMessagingException("model overloaded", null, null);
                    }).build();
            try (failing) {
                ReceiveResult result = failing.receive(smsFrom(PHONE, "Do you do Botox?").build());

                assertThat(result.aiReply()).isNull();
                assertThat(result.aiError()).isNotNull();
                assertThat(result.aiError().code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
                assertThat(failing.getConversation(TENANT, result.conversation().id()).messages())
                        .extracting(Message::body).containsExactly("Do you do Botox?");
                assertThat(failing.events(TENANT, result.conversation().id()))
                        .anySatisfy(e -> assertThat(e.type()).isEqualTo(ConversationEvent.AI_FAILED));
            }
        }

        @Test
        void scoringStoresTheResultOnTheConversation() {
            ReceiveResult result = receiveSms(PHONE, "Can I book Botox?");
            receiveSms(PHONE, "Perfect, thank you so much!");

            var satisfaction = manager.score(TENANT, result.conversation().id());

            assertThat(satisfaction.score()).isBetween(3.5, 5.0);
            assertThat(manager.getConversation(TENANT, result.conversation().id()).conversation().satisfaction()).isEqualTo(satisfaction);
        }

        @Test
        void suggestionsAreOneToThree() {
            ReceiveResult result = receiveSms(PHONE, "How much is a peel?");

            assertThat(manager.suggestReplies(TENANT, result.conversation().id())).hasSizeBetween(1, 3);
        }
    }

    @Nested
    class Concurrency {

        @Test
        void fiftyConcurrentFirstMessagesMakeOneConversation() throws Exception {
            int threads = 50;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<ReceiveResult>> results = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    String body = "message " + i;
                    results.add(pool.submit(() -> {
                        start.await();
                        return manager.receive(smsFrom(PHONE, body).generateAiReply(false).build());
                    }));
                }
                start.countDown();
                Set<String> conversationIds = new HashSet<>();
                for (Future<ReceiveResult> result : results) {
                    conversationIds.add(result.get(60, TimeUnit.SECONDS).conversation().id());
                }

                assertThat(conversationIds).hasSize(1);
                String id = conversationIds.iterator().next();
                assertThat(manager.getConversation(TENANT, id).messages()).hasSize(threads);
                assertThat(manager.getConversation(TENANT, id).conversation().messageCount()).isEqualTo(threads);
                assertThat(manager.getConversation(TENANT, id).conversation().unreadCount()).isEqualTo(threads);
                assertThat(manager.listConversations(TENANT, ConversationQuery.all()).total()).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void concurrentSendsWithOneMessageIdQueueOneMessage() {
            List<Message> sent = Concurrently.run(12, i -> manager.send(OutboundMessage.builder(TENANT, ChannelId.SMS)
                    .customerPhone(PHONE).body("Reminder").messageId("campaign-8-ana").build()));
            manager.deliverDue();

            assertThat(sent).extracting(Message::id).containsOnly("campaign-8-ana");
            assertThat(sms.sent()).hasSize(1);
            String conversationId = manager.getMessage(TENANT, "campaign-8-ana").conversationId();
            assertThat(manager.getConversation(TENANT, conversationId).conversation().messageCount()).isEqualTo(1);
        }
    }

    @Nested
    class Voice {

        @Test
        void transcriptIsStoredAsAnOrderedCompletedConversation() {
            var start = clock.instant();
            VoiceTranscript call = new VoiceTranscript(TENANT, "CA42", "Vic Caller", "+15557654321", "+15550001111", List.of(
                    new VoiceTranscript.Turn(Author.CUSTOMER, "Hi, I'd like to move my appointment", start),
                    new VoiceTranscript.Turn(Author.AI, "Sure, to which day?", start.plusSeconds(3)),
                    new VoiceTranscript.Turn(Author.CUSTOMER, "Thursday afternoon", start.plusSeconds(7))));

            Conversation conversation = manager.recordVoiceTranscript(call);
            manager.recordVoiceTranscript(call);

            ConversationDetail detail = manager.getConversation(TENANT, conversation.id());
            assertThat(detail.conversation().channel()).isEqualTo(ChannelId.VOICE);
            assertThat(detail.conversation().status()).isEqualTo(ConversationStatus.COMPLETED);
            assertThat(detail.messages()).extracting(Message::body)
                    .containsExactly("Hi, I'd like to move my appointment", "Sure, to which day?", "Thursday afternoon");
            assertThat(detail.messages()).extracting(Message::direction)
                    .containsExactly(Direction.INBOUND, Direction.OUTBOUND, Direction.INBOUND);
            assertThat(detail.conversation().headline()).containsIgnoringCase("move my appointment");
        }
    }
}

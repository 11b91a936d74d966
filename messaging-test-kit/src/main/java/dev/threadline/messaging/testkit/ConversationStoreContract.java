package dev.threadline.messaging.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Contact;
import dev.threadline.messaging.ContactPage;
import dev.threadline.messaging.ContactQuery;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.ConversationPage;
import dev.threadline.messaging.ConversationQuery;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.DeliveryUpdate;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessagingException;
import dev.threadline.messaging.Satisfaction;
import dev.threadline.messaging.Sentiment;
import dev.threadline.messaging.spi.AppendResult;
import dev.threadline.messaging.spi.ConsentChange;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spi.OutboxEntry;
import dev.threadline.messaging.spi.OutboxStore;
import dev.threadline.messaging.spi.OutgoingMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The semantics every {@link ConversationStore} and {@link OutboxStore} must have. Extend it, return a
 * new, empty store from {@link #createStore()}, and every test here runs against it:
 *
 * <pre>{@code
 * class MyStoreTest extends ConversationStoreContract<MyStore> {
 *     protected MyStore createStore() { return new MyStore(...); }
 * }
 * }</pre>
 *
 * <p>The suite uses whole-second timestamps, so stores that keep microseconds compare exactly.
 *
 * @param <S> the store under test, serving as both conversation store and outbox
 */
public abstract class ConversationStoreContract<S extends ConversationStore & OutboxStore> {

    protected static final String TENANT = "acme";
    protected static final String OTHER_TENANT = "globex";
    protected static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration GRACE = Duration.ofMinutes(1);

    protected S store;
    private StoreFixtures fixtures;

    /** A new store with no data in it; called before every test. */
    protected abstract S createStore();

    @BeforeEach
    void createEmptyStore() {
        store = createStore();
        fixtures = new StoreFixtures(store);
    }

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private Conversation conversation() {
        return fixtures.smsConversation(TENANT, "+15551230001", T0);
    }

    private Conversation conversation(String tenant, String phone, Instant at) {
        return fixtures.smsConversation(tenant, phone, at);
    }

    private Conversation stored(Conversation c) {
        return store.findConversation(c.tenantId(), c.id()).orElseThrow();
    }

    private Message stored(Message m) {
        return store.findMessage(m.tenantId(), m.id()).orElseThrow();
    }

    private static void assertFailsWith(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(MessagingException.class)
                .satisfies(e -> assertThat(((MessagingException) e).code()).isEqualTo(code));
    }

    @Nested
    class Contacts {

        @Test
        void upsertByPhoneFindsTheSameContact() {
            Contact first = store.upsertContact(TENANT, "+15551230001", null, "Ana");
            Contact again = store.upsertContact(TENANT, "+15551230001", null, null);
            assertThat(again.id()).isEqualTo(first.id());
        }

        @Test
        void upsertByEmailFindsTheSameContact() {
            Contact first = store.upsertContact(TENANT, null, "ana@example.com", "Ana");
            Contact again = store.upsertContact(TENANT, null, "ana@example.com", null);
            assertThat(again.id()).isEqualTo(first.id());
        }

        @Test
        void upsertFillsInMissingNameAndEmail() {
            Contact first = store.upsertContact(TENANT, "+15551230001", null, null);
            store.upsertContact(TENANT, "+15551230001", "ana@example.com", "Ana");
            Contact found = store.findContact(TENANT, first.id()).orElseThrow();
            assertThat(found).extracting(Contact::name, Contact::email).containsExactly("Ana", "ana@example.com");
        }

        @Test
        void emailAddedLaterFindsTheContactToo() {
            Contact first = store.upsertContact(TENANT, "+15551230001", null, null);
            store.upsertContact(TENANT, "+15551230001", "ana@example.com", null);
            assertThat(store.upsertContact(TENANT, null, "ana@example.com", null).id()).isEqualTo(first.id());
        }

        @Test
        void upsertKeepsTheNameAContactAlreadyHas() {
            store.upsertContact(TENANT, "+15551230001", null, "Ana");
            Contact again = store.upsertContact(TENANT, "+15551230001", null, "Someone Else");
            assertThat(again.name()).isEqualTo("Ana");
        }

        @Test
        void anEmailOwnedByAnotherContactIsNotCopiedOver() {
            Contact byPhone = store.upsertContact(TENANT, "+15551230001", null, "Ana");
            Contact byEmail = store.upsertContact(TENANT, null, "ana@example.com", "Ana");
            Contact found = store.upsertContact(TENANT, "+15551230001", "ana@example.com", null);
            assertThat(found.id()).isEqualTo(byPhone.id());
            assertThat(found.email()).isNull();
            assertThat(store.upsertContact(TENANT, null, "ana@example.com", null).id()).isEqualTo(byEmail.id());
        }

        @Test
        void differentPhonesAreDifferentContacts() {
            Contact ana = store.upsertContact(TENANT, "+15551230001", null, "Ana");
            Contact bo = store.upsertContact(TENANT, "+15551230002", null, "Bo");
            assertThat(bo.id()).isNotEqualTo(ana.id());
        }

        @Test
        void optOutIsPerChannel() {
            Contact ana = store.upsertContact(TENANT, "+15551230001", null, "Ana");
            store.setOptedOut(TENANT, ana.id(), ChannelId.SMS, true);
            Contact found = store.findContact(TENANT, ana.id()).orElseThrow();
            assertThat(found.optedOutChannels()).containsExactly(ChannelId.SMS);
        }

        @Test
        void optInClearsTheOptOut() {
            Contact ana = store.upsertContact(TENANT, "+15551230001", null, "Ana");
            store.setOptedOut(TENANT, ana.id(), ChannelId.SMS, true);
            store.setOptedOut(TENANT, ana.id(), ChannelId.SMS, false);
            assertThat(store.findContact(TENANT, ana.id()).orElseThrow().optedOutChannels()).isEmpty();
        }

        @Test
        void optOutOfAnUnknownContactIsNotFound() {
            assertFailsWith(ErrorCode.NOT_FOUND, () -> store.setOptedOut(TENANT, "no-such-contact", ChannelId.SMS, true));
        }

        @Test
        void unknownContactIsNotFound() {
            assertThat(store.findContact(TENANT, "no-such-contact")).isEmpty();
        }
    }

    @Nested
    class Conversations {

        @Test
        void openConversationStoresTheCandidate() {
            Conversation candidate = fixtures.candidate(TENANT, ChannelId.EMAIL, null, "ana@example.com", "Ana",
                    "Booking", T0);
            store.openConversation(candidate);
            assertThat(stored(candidate)).usingRecursiveComparison().ignoringFields("version").isEqualTo(candidate);
        }

        @Test
        void openConversationReturnsTheActiveOneForTheThreadKey() {
            Conversation first = conversation();
            Conversation returned = store.openConversation(fixtures.rival(first));
            assertThat(returned.id()).isEqualTo(first.id());
        }

        @Test
        void theLosingCandidateIsNotStored() {
            Conversation first = conversation();
            Conversation rival = fixtures.rival(first);
            store.openConversation(rival);
            assertThat(store.findConversation(TENANT, rival.id())).isEmpty();
        }

        @Test
        void exactlyOneConversationWinsWhenManyThreadsOpenTheSameThreadKey() {
            Conversation template = fixtures.candidate(TENANT, ChannelId.SMS, "+15551230001", null, "Ana", null, T0);
            List<String> winners = Concurrently.run(24, i -> store.openConversation(fixtures.rival(template)).id());
            assertThat(new HashSet<>(winners)).hasSize(1);
            assertThat(store.listConversations(TENANT, ConversationQuery.all()).total()).isEqualTo(1);
        }

        @Test
        void aCompletedConversationIsNotTheActiveOne() {
            Conversation first = conversation();
            store.updateConversation(TENANT, first.id(), c -> c.withStatus(ConversationStatus.COMPLETED));
            assertThat(store.findActiveConversation(TENANT, first.threadKey())).isEmpty();
        }

        @Test
        void openingAfterTheActiveOneCompletedStartsANewConversation() {
            Conversation first = conversation();
            store.updateConversation(TENANT, first.id(), c -> c.withStatus(ConversationStatus.COMPLETED));
            Conversation next = fixtures.rival(first);
            assertThat(store.openConversation(next).id()).isEqualTo(next.id());
        }

        @Test
        void findActiveConversationFindsItByThreadKey() {
            Conversation first = conversation();
            assertThat(store.findActiveConversation(TENANT, first.threadKey())).map(Conversation::id).contains(first.id());
        }

        @Test
        void findConversationByThreadRefFindsTheConversationOfAStoredMessage() {
            Conversation email = fixtures.open(TENANT, ChannelId.EMAIL, null, "ana@example.com", "Ana", "Booking", T0);
            store.append(fixtures.outboundEmail(email, "Your booking", "<m1@threadline.test>", at(1)), null);
            assertThat(store.findConversationByThreadRef(TENANT, List.of("<other@x>", "<m1@threadline.test>")))
                    .map(Conversation::id).contains(email.id());
        }

        @Test
        void unknownThreadRefFindsNothing() {
            conversation();
            assertThat(store.findConversationByThreadRef(TENANT, List.of("<nothing@x>"))).isEmpty();
        }

        @Test
        void updateConversationAppliesTheChange() {
            Conversation c = conversation();
            store.updateConversation(TENANT, c.id(), x -> x.withHeadline("Wants a booking"));
            assertThat(stored(c).headline()).isEqualTo("Wants a booking");
        }

        @Test
        void updateConversationBumpsTheVersion() {
            Conversation c = conversation();
            Conversation updated = store.updateConversation(TENANT, c.id(), x -> x.withHeadline("Wants a booking"));
            assertThat(updated.version()).isGreaterThan(c.version()).isEqualTo(stored(c).version());
        }

        @Test
        void updateConversationLeavesCountersAlone() {
            Conversation c = conversation();
            store.append(fixtures.inbound(c, "Hi", at(1)), null);
            store.updateConversation(TENANT, c.id(), x -> x.withUnreadCount(42));
            assertThat(stored(c).unreadCount()).isEqualTo(1);
        }

        @Test
        void updateConversationKeepsSatisfactionAndMetadata() {
            Conversation c = conversation();
            Satisfaction satisfaction = new Satisfaction(4.5, Sentiment.POSITIVE, "booked", "Customer booked a slot");
            store.updateConversation(TENANT, c.id(), x -> x.withSatisfaction(satisfaction));
            assertThat(stored(c).satisfaction()).isEqualTo(satisfaction);
        }

        @Test
        void concurrentUpdatesAreNotLost() {
            Conversation c = conversation();
            Concurrently.run(8, i -> store.updateConversation(TENANT, c.id(), x -> x.withMetadataEntry("k" + i, "v" + i)));
            assertThat(stored(c).metadata()).containsOnlyKeys("k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7");
        }

        @Test
        void updateOfAnUnknownConversationIsNotFound() {
            assertFailsWith(ErrorCode.NOT_FOUND, () -> store.updateConversation(TENANT, "no-such-conversation", x -> x));
        }

        @Test
        void reactivatingWhileAnotherConversationIsActiveIsAConflict() {
            Conversation first = conversation();
            store.updateConversation(TENANT, first.id(), c -> c.withStatus(ConversationStatus.COMPLETED));
            store.openConversation(fixtures.rival(first));
            assertFailsWith(ErrorCode.CONFLICT,
                    () -> store.updateConversation(TENANT, first.id(), c -> c.withStatus(ConversationStatus.ACTIVE)));
        }

        @Test
        void reactivatingWhenNoOtherIsActiveMakesItTheActiveOne() {
            Conversation first = conversation();
            store.updateConversation(TENANT, first.id(), c -> c.withStatus(ConversationStatus.COMPLETED));
            store.updateConversation(TENANT, first.id(), c -> c.withStatus(ConversationStatus.ACTIVE));
            assertThat(store.findActiveConversation(TENANT, first.threadKey())).map(Conversation::id).contains(first.id());
        }
    }

    @Nested
    class Appending {

        @Test
        void aConsentChangeIsStoredWithItsMessage() {
            Conversation c = conversation();
            Message stop = fixtures.inbound(c, "STOP", at(5), "SM-stop");
            ConversationEvent optedOut = new ConversationEvent("ev-stop", TENANT, c.id(), ConversationEvent.OPTED_OUT,
                    Map.of("channel", "sms", "reason", "keyword"), at(5));

            store.append(stop, null, new ConsentChange(ChannelId.SMS, true, optedOut));

            assertThat(store.findContact(TENANT, c.contactId()).orElseThrow().isOptedOut(ChannelId.SMS)).isTrue();
            assertThat(store.findContact(TENANT, c.contactId()).orElseThrow().isOptedOut(ChannelId.EMAIL)).isFalse();
            assertThat(store.events(TENANT, c.id())).extracting(ConversationEvent::id).containsExactly("ev-stop");
        }

        @Test
        void aRepeatedMessageDoesNotRepeatItsConsentChange() {
            Conversation c = conversation();
            Message stop = fixtures.inbound(c, "STOP", at(5), "SM-stop");
            store.append(stop, null, new ConsentChange(ChannelId.SMS, true, new ConversationEvent("ev-1", TENANT, c.id(),
                    ConversationEvent.OPTED_OUT, Map.of(), at(5))));
            store.setOptedOut(TENANT, c.contactId(), ChannelId.SMS, false);

            AppendResult again = store.append(fixtures.inbound(c, "STOP", at(6), "SM-stop"), null,
                    new ConsentChange(ChannelId.SMS, true, new ConversationEvent("ev-2", TENANT, c.id(), ConversationEvent.OPTED_OUT,
                            Map.of(), at(6))));

            assertThat(again.duplicate()).isTrue();
            assertThat(store.findContact(TENANT, c.contactId()).orElseThrow().isOptedOut(ChannelId.SMS)).isFalse();
            assertThat(store.events(TENANT, c.id())).extracting(ConversationEvent::id).containsExactly("ev-1");
        }

        @Test
        void inboundMessageMovesCountersAndActivity() {
            Conversation c = conversation();
            AppendResult result = store.append(fixtures.inbound(c, "Do you do  Botox?", at(5)), null);
            assertThat(result.conversation())
                    .extracting(Conversation::messageCount, Conversation::unreadCount, Conversation::lastActivityAt,
                            Conversation::lastMessagePreview)
                    .containsExactly(1L, 1L, at(5), "Do you do Botox?");
        }

        @Test
        void appendResultMatchesTheStoredConversation() {
            Conversation c = conversation();
            AppendResult result = store.append(fixtures.inbound(c, "Hi", at(5)), null);
            assertThat(stored(c)).isEqualTo(result.conversation());
        }

        @Test
        void outboundMessageDoesNotCountAsUnread() {
            Conversation c = conversation();
            store.append(fixtures.inbound(c, "Hi", at(1)), null);
            store.append(fixtures.outbound(c, "Hello!", DeliveryStatus.QUEUED, at(2)), null);
            assertThat(stored(c)).extracting(Conversation::messageCount, Conversation::unreadCount).containsExactly(2L, 1L);
        }

        @Test
        void anOlderMessageNeverMovesLastActivityBack() {
            Conversation c = conversation();
            store.append(fixtures.inbound(c, "later", at(10)), null);
            store.append(fixtures.inbound(c, "earlier", at(3)), null);
            assertThat(stored(c).lastActivityAt()).isEqualTo(at(10));
        }

        @Test
        void appendBumpsTheVersion() {
            Conversation c = conversation();
            long before = stored(c).version();
            store.append(fixtures.inbound(c, "Hi", at(1)), null);
            assertThat(stored(c).version()).isGreaterThan(before);
        }

        @Test
        void storedMessageEqualsTheAppendedOne() {
            Conversation c = conversation();
            Message message = fixtures.inbound(c, "Hi there", at(1), "SM001");
            store.append(message, null);
            assertThat(stored(message)).isEqualTo(message);
        }

        @Test
        void appendToAnUnknownConversationIsNotFound() {
            Conversation c = conversation();
            Message orphan = fixtures.inbound(fixtures.rival(c), "Hi", at(1));
            assertFailsWith(ErrorCode.NOT_FOUND, () -> store.append(orphan, null));
        }

        @Test
        void aRepeatedProviderIdIsReportedAsDuplicate() {
            Conversation c = conversation();
            Message first = fixtures.inbound(c, "Hi", at(1), "SM001");
            store.append(first, null);
            AppendResult again = store.append(fixtures.inbound(c, "Hi", at(2), "SM001"), null);
            assertThat(again.duplicate()).isTrue();
            assertThat(again.message().id()).isEqualTo(first.id());
        }

        @Test
        void aMessageWithAnIdTheTenantHasIsReportedAsDuplicateAndQueuedOnce() {
            Conversation c = conversation();
            Message reminder = fixtures.outbound(c, "Reminder", DeliveryStatus.QUEUED, at(1));
            store.append(reminder, at(1));

            AppendResult again = store.append(reminder, at(1));

            assertThat(again.duplicate()).isTrue();
            assertThat(again.message()).isEqualTo(reminder);
            assertThat(stored(c).messageCount()).isEqualTo(1);
            assertThat(store.messages(TENANT, c.id())).hasSize(1);
        }

        @Test
        void concurrentAppendsOfOneMessageIdStoreItOnce() {
            Conversation c = conversation();
            Message reminder = fixtures.outbound(c, "Reminder", DeliveryStatus.QUEUED, at(1));
            List<AppendResult> results = Concurrently.run(12, i -> store.append(reminder, at(1)));
            assertThat(results).filteredOn(r -> !r.duplicate()).hasSize(1);
            assertThat(stored(c).messageCount()).isEqualTo(1);
        }

        @Test
        void aDuplicateDoesNotMoveCounters() {
            Conversation c = conversation();
            store.append(fixtures.inbound(c, "Hi", at(1), "SM001"), null);
            store.append(fixtures.inbound(c, "Hi", at(2), "SM001"), null);
            assertThat(stored(c).messageCount()).isEqualTo(1);
            assertThat(store.messages(TENANT, c.id())).hasSize(1);
        }

        @Test
        void theSameProviderIdOnAnotherChannelIsStored() {
            Conversation sms = conversation();
            Conversation whatsapp = fixtures.open(TENANT, ChannelId.WHATSAPP, "+15551230001", null, "Ana", null, T0);
            store.append(fixtures.inbound(sms, "Hi", at(1), "ID-1"), null);
            assertThat(store.append(fixtures.inbound(whatsapp, "Hi", at(2), "ID-1"), null).duplicate()).isFalse();
        }

        @Test
        void theSameProviderIdInAnotherTenantIsStored() {
            store.append(fixtures.inbound(conversation(), "Hi", at(1), "SM001"), null);
            Conversation other = conversation(OTHER_TENANT, "+15551230001", T0);
            assertThat(store.append(fixtures.inbound(other, "Hi", at(2), "SM001"), null).duplicate()).isFalse();
        }

        @Test
        void concurrentDuplicatesAreStoredOnce() {
            Conversation c = conversation();
            List<AppendResult> results = Concurrently.run(12,
                    i -> store.append(fixtures.inbound(c, "Hi", at(1), "SM-RACE"), null));
            assertThat(results).filteredOn(r -> !r.duplicate()).hasSize(1);
            assertThat(stored(c).messageCount()).isEqualTo(1);
        }

        @Test
        void concurrentAppendsAllCount() {
            Conversation c = conversation();
            Concurrently.run(16, i -> store.append(fixtures.inbound(c, "message " + i, at(i)), null));
            assertThat(stored(c)).extracting(Conversation::messageCount, Conversation::unreadCount).containsExactly(16L, 16L);
        }

        @Test
        void findMessageByProviderIdFindsIt() {
            Conversation c = conversation();
            Message message = fixtures.inbound(c, "Hi", at(1), "SM001");
            store.append(message, null);
            assertThat(store.findMessageByProviderId(TENANT, ChannelId.SMS, "SM001")).map(Message::id).contains(message.id());
        }

        @Test
        void providerIdFromASendIsFoundToo() {
            Conversation c = conversation();
            Message queued = fixtures.queue(c, "Hello", at(1));
            store.updateDelivery(TENANT, queued.id(), new DeliveryUpdate(DeliveryStatus.SENT, at(2), "SM-OUT", null, null));
            assertThat(store.findMessageByProviderId(TENANT, ChannelId.SMS, "SM-OUT")).map(Message::id).contains(queued.id());
        }

        @Test
        void messagesComeBackInArrivalOrderWhenTimestampsTie() {
            Conversation c = conversation();
            List<String> appended = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Message message = fixtures.inbound(c, "message " + i, at(7));
                store.append(message, null);
                appended.add(message.id());
            }
            assertThat(store.messages(TENANT, c.id())).extracting(Message::id).containsExactlyElementsOf(appended);
        }

        @Test
        void recentMessagesAreTheNewestInArrivalOrder() {
            Conversation c = conversation();
            List<String> appended = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Message message = fixtures.inbound(c, "message " + i, at(i));
                store.append(message, null);
                appended.add(message.id());
            }
            assertThat(store.recentMessages(TENANT, c.id(), 2)).extracting(Message::id)
                    .containsExactlyElementsOf(appended.subList(3, 5));
        }

        @Test
        void messagesBeforeAMessageAreTheNewestBeforeItInArrivalOrder() {
            Conversation c = conversation();
            Conversation other = conversation(TENANT, "+15551230002", T0);
            List<String> appended = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Message message = fixtures.inbound(c, "message " + i, at(i));
                store.append(message, null);
                appended.add(message.id());
            }

            assertThat(store.messagesBefore(TENANT, c.id(), appended.get(3), 2)).extracting(Message::id)
                    .containsExactlyElementsOf(appended.subList(1, 3));
            assertThat(store.messagesBefore(TENANT, c.id(), appended.get(1), 5)).extracting(Message::id)
                    .containsExactly(appended.get(0));
            assertThat(store.messagesBefore(TENANT, other.id(), appended.get(3), 2)).isEmpty();
            assertThat(store.messagesBefore(OTHER_TENANT, c.id(), appended.get(3), 2)).isEmpty();
        }

        @Test
        void appendWithADueTimeEntersTheOutbox() {
            Conversation c = conversation();
            Message queued = fixtures.queue(c, "Hello", at(1));
            assertThat(store.claimDue(at(1), 10, "w1", at(1).plus(LEASE), GRACE)).extracting(OutboxEntry::messageId)
                    .containsExactly(queued.id());
        }

        @Test
        void appendWithoutADueTimeStaysOutOfTheOutbox() {
            Conversation c = conversation();
            store.append(fixtures.outbound(c, "draft", DeliveryStatus.DRAFT, at(1)), null);
            assertThat(store.pendingCount()).isZero();
        }
    }

    @Nested
    class Delivery {

        private Message queued(Conversation c) {
            return fixtures.queue(c, "Hello", at(1));
        }

        @Test
        void updateDeliveryMovesForward() {
            Message message = queued(conversation());
            Optional<Message> updated = store.updateDelivery(TENANT, message.id(),
                    new DeliveryUpdate(DeliveryStatus.SENT, at(2), "SM-OUT", null, null));
            assertThat(updated).map(Message::status).contains(DeliveryStatus.SENT);
            assertThat(stored(message)).extracting(Message::status, Message::providerMessageId, Message::statusAt)
                    .containsExactly(DeliveryStatus.SENT, "SM-OUT", at(2));
        }

        @Test
        void lateSentCallbackDoesNotOverwriteDelivered() {
            Message message = queued(conversation());
            store.updateDelivery(TENANT, message.id(), DeliveryUpdate.of(DeliveryStatus.SENT, at(2)));
            store.updateDelivery(TENANT, message.id(), DeliveryUpdate.of(DeliveryStatus.DELIVERED, at(3)));
            Optional<Message> late = store.updateDelivery(TENANT, message.id(), DeliveryUpdate.of(DeliveryStatus.SENT, at(4)));
            assertThat(late).isEmpty();
            assertThat(stored(message)).extracting(Message::status, Message::statusAt)
                    .containsExactly(DeliveryStatus.DELIVERED, at(3));
        }

        @Test
        void aRepeatedStatusChangesNothing() {
            Message message = queued(conversation());
            store.updateDelivery(TENANT, message.id(), DeliveryUpdate.of(DeliveryStatus.DELIVERED, at(3)));
            assertThat(store.updateDelivery(TENANT, message.id(), DeliveryUpdate.of(DeliveryStatus.DELIVERED, at(4)))).isEmpty();
        }

        @Test
        void failureKeepsTheErrorCodeAndMessage() {
            Message message = queued(conversation());
            store.updateDelivery(TENANT, message.id(),
                    new DeliveryUpdate(DeliveryStatus.FAILED, at(2), null, "30007", "Carrier filtered"));
            assertThat(stored(message)).extracting(Message::status, Message::errorCode, Message::errorMessage)
                    .containsExactly(DeliveryStatus.FAILED, "30007", "Carrier filtered");
        }

        @Test
        void aStoredProviderIdIsNotReplacedByALaterOne() {
            Message message = queued(conversation());
            store.updateDelivery(TENANT, message.id(), new DeliveryUpdate(DeliveryStatus.SENT, at(2), "SM-FIRST", null, null));
            store.updateDelivery(TENANT, message.id(), new DeliveryUpdate(DeliveryStatus.DELIVERED, at(3), "SM-SECOND", null, null));
            assertThat(stored(message)).extracting(Message::status, Message::providerMessageId)
                    .containsExactly(DeliveryStatus.DELIVERED, "SM-FIRST");
            assertThat(store.findMessageByProviderId(TENANT, ChannelId.SMS, "SM-SECOND")).isEmpty();
        }

        @Test
        void aProviderIdAnotherMessageHasIsAConflictThatChangesNothing() {
            Conversation c = conversation();
            Message first = queued(c);
            Message second = queued(c);
            store.updateDelivery(TENANT, first.id(), new DeliveryUpdate(DeliveryStatus.SENT, at(2), "SM-TAKEN", null, null));
            assertFailsWith(ErrorCode.CONFLICT, () -> store.updateDelivery(TENANT, second.id(),
                    new DeliveryUpdate(DeliveryStatus.SENT, at(3), "SM-TAKEN", null, null)));
            assertThat(stored(second)).extracting(Message::status, Message::providerMessageId)
                    .containsExactly(DeliveryStatus.QUEUED, null);
            assertThat(store.findMessageByProviderId(TENANT, ChannelId.SMS, "SM-TAKEN")).map(Message::id).contains(first.id());
        }

        @Test
        void updateOfAnUnknownMessageIsEmpty() {
            assertThat(store.updateDelivery(TENANT, "no-such-message", DeliveryUpdate.of(DeliveryStatus.SENT, at(2)))).isEmpty();
        }

        @Test
        void concurrentCallbacksEndAtTheMostAdvancedStatus() {
            Message message = queued(conversation());
            List<DeliveryStatus> order = List.of(DeliveryStatus.SENDING, DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.READ);
            Concurrently.run(8, i -> store.updateDelivery(TENANT, message.id(), DeliveryUpdate.of(order.get(i % 4), at(2 + i))));
            assertThat(stored(message).status()).isEqualTo(DeliveryStatus.READ);
        }

        @Test
        void approveDraftQueuesItWithTheEditedBody() {
            Conversation c = conversation();
            Message draft = fixtures.outbound(c, "AI draft", DeliveryStatus.DRAFT, at(1));
            store.append(draft, null);
            Optional<Message> approved = store.approveDraft(TENANT, draft.id(), "Edited reply", at(2));
            assertThat(approved).map(m -> List.of(m.status(), m.body())).contains(List.of(DeliveryStatus.QUEUED, "Edited reply"));
            assertThat(stored(draft).body()).isEqualTo("Edited reply");
        }

        @Test
        void approveDraftWithoutABodyKeepsTheDraftText() {
            Conversation c = conversation();
            Message draft = fixtures.outbound(c, "AI draft", DeliveryStatus.DRAFT, at(1));
            store.append(draft, null);
            store.approveDraft(TENANT, draft.id(), null, at(2));
            assertThat(stored(draft).body()).isEqualTo("AI draft");
        }

        @Test
        void approvedDraftEntersTheOutbox() {
            Conversation c = conversation();
            Message draft = fixtures.outbound(c, "AI draft", DeliveryStatus.DRAFT, at(1));
            store.append(draft, null);
            store.approveDraft(TENANT, draft.id(), null, at(2));
            assertThat(store.claimDue(at(2), 10, "w1", at(2).plus(LEASE), GRACE)).extracting(OutboxEntry::messageId)
                    .containsExactly(draft.id());
        }

        @Test
        void approvingWhatIsNotADraftIsEmpty() {
            Message message = queued(conversation());
            assertThat(store.approveDraft(TENANT, message.id(), null, at(2))).isEmpty();
            assertThat(store.pendingCount()).isEqualTo(1);
        }

        @Test
        void markReadZeroesUnreadAndSaysHowManyWereUnread() {
            Conversation c = conversation();
            store.append(fixtures.inbound(c, "one", at(1)), null);
            store.append(fixtures.inbound(c, "two", at(2)), null);
            assertThat(store.markRead(TENANT, c.id())).isEqualTo(2);
            assertThat(stored(c).unreadCount()).isZero();
        }

        @Test
        void markReadTwiceClearsNothingTheSecondTime() {
            Conversation c = conversation();
            store.append(fixtures.inbound(c, "one", at(1)), null);
            store.markRead(TENANT, c.id());
            assertThat(store.markRead(TENANT, c.id())).isZero();
        }

        @Test
        void markReadOfAnUnknownConversationIsNotFound() {
            assertFailsWith(ErrorCode.NOT_FOUND, () -> store.markRead(TENANT, "no-such-conversation"));
        }
    }

    @Nested
    class Events {

        @Test
        void eventsComeBackInTheOrderTheyHappened() {
            Conversation c = conversation();
            List<ConversationEvent> appended = List.of(
                    fixtures.event(c, ConversationEvent.TOOL_CALL, Map.of("tool", "book", "arguments", Map.of("slot", "10:00")), at(1)),
                    fixtures.event(c, ConversationEvent.STATUS_CHANGED, Map.of("from", "active", "to", "completed"), at(2)),
                    fixtures.event(c, ConversationEvent.MARKED_READ, Map.of("cleared", 3, "flags", List.of("a", "b")), at(2)));
            appended.forEach(store::appendEvent);
            assertThat(store.events(TENANT, c.id())).containsExactlyElementsOf(appended);
        }

        @Test
        void eventsOfAnotherConversationAreNotIncluded() {
            Conversation c = conversation();
            Conversation other = conversation(TENANT, "+15551230002", T0);
            store.appendEvent(fixtures.event(other, ConversationEvent.SCORED, Map.of("score", "4"), at(1)));
            assertThat(store.events(TENANT, c.id())).isEmpty();
        }

        @Test
        void eventsOfOneTypeFromATimeOn() {
            Conversation c = conversation();
            Conversation other = conversation(TENANT, "+15551230002", T0);
            ConversationEvent early = fixtures.event(c, ConversationEvent.TOOL_CALL, Map.of("tool", "book"), at(1));
            ConversationEvent onTheDot = fixtures.event(c, ConversationEvent.TOOL_CALL, Map.of("tool", "check"), at(2));
            ConversationEvent later = fixtures.event(c, ConversationEvent.TOOL_CALL, Map.of("tool", "book"), at(3));
            List.of(early, onTheDot, fixtures.event(c, ConversationEvent.STAFF_ACTION, Map.of("action", "reply"), at(2)), later,
                    fixtures.event(other, ConversationEvent.TOOL_CALL, Map.of("tool", "book"), at(3))).forEach(store::appendEvent);

            assertThat(store.events(TENANT, c.id(), ConversationEvent.TOOL_CALL, at(2))).containsExactly(onTheDot, later);
            assertThat(store.events(OTHER_TENANT, c.id(), ConversationEvent.TOOL_CALL, at(0))).isEmpty();
        }
    }

    @Nested
    class Listing {

        private List<String> ids(ConversationPage page) {
            return page.conversations().stream().map(Conversation::id).toList();
        }

        private ConversationPage list(ConversationQuery query) {
            return store.listConversations(TENANT, query);
        }

        @Test
        void newestActivityComesFirst() {
            Conversation old = conversation(TENANT, "+15551230001", at(1));
            Conversation recent = conversation(TENANT, "+15551230002", at(2));
            assertThat(ids(list(ConversationQuery.all()))).containsExactly(recent.id(), old.id());
        }

        @Test
        void activityTiesAreOrderedByIdDescending() {
            Conversation a = conversation(TENANT, "+15551230001", at(1));
            Conversation b = conversation(TENANT, "+15551230002", at(1));
            List<String> expected = a.id().compareTo(b.id()) > 0 ? List.of(a.id(), b.id()) : List.of(b.id(), a.id());
            assertThat(ids(list(ConversationQuery.all()))).containsExactlyElementsOf(expected);
        }

        @Test
        void aNewMessageMovesTheConversationToTheTop() {
            Conversation old = conversation(TENANT, "+15551230001", at(1));
            conversation(TENANT, "+15551230002", at(2));
            store.append(fixtures.inbound(old, "Hi again", at(3)), null);
            assertThat(ids(list(ConversationQuery.all())).get(0)).isEqualTo(old.id());
        }

        @Test
        void filterByChannel() {
            conversation();
            Conversation email = fixtures.open(TENANT, ChannelId.EMAIL, null, "ana@example.com", "Ana", "Hi", T0);
            assertThat(ids(list(ConversationQuery.all().withChannel(ChannelId.EMAIL)))).containsExactly(email.id());
        }

        @Test
        void filterByStatus() {
            Conversation done = conversation(TENANT, "+15551230001", at(1));
            conversation(TENANT, "+15551230002", at(2));
            store.updateConversation(TENANT, done.id(), c -> c.withStatus(ConversationStatus.COMPLETED));
            assertThat(ids(list(ConversationQuery.all().withStatus(ConversationStatus.COMPLETED)))).containsExactly(done.id());
        }

        @Test
        void filterUnreadOnly() {
            Conversation unread = conversation(TENANT, "+15551230001", at(1));
            conversation(TENANT, "+15551230002", at(2));
            store.append(fixtures.inbound(unread, "Hi", at(1)), null);
            assertThat(ids(list(ConversationQuery.all().withUnreadOnly(true)))).containsExactly(unread.id());
        }

        @Test
        void searchFindsCustomerName() {
            Conversation ana = conversation();
            fixtures.open(TENANT, ChannelId.SMS, "+15551230002", null, "Bo Chen", null, T0);
            assertThat(ids(list(ConversationQuery.all().withText("lima")))).containsExactly(ana.id());
        }

        @Test
        void searchFindsPhone() {
            conversation();
            Conversation bo = fixtures.open(TENANT, ChannelId.SMS, "+15551239999", null, "Bo Chen", null, T0);
            assertThat(ids(list(ConversationQuery.all().withText("9999")))).containsExactly(bo.id());
        }

        @Test
        void searchFindsEmail() {
            conversation();
            Conversation email = fixtures.open(TENANT, ChannelId.EMAIL, null, "bo@clinic.example", "Bo", "Hi", T0);
            assertThat(ids(list(ConversationQuery.all().withText("CLINIC.example")))).containsExactly(email.id());
        }

        @Test
        void searchFindsSubject() {
            conversation();
            Conversation email = fixtures.open(TENANT, ChannelId.EMAIL, null, "bo@example.com", "Bo", "Invoice March", T0);
            assertThat(ids(list(ConversationQuery.all().withText("invoice")))).containsExactly(email.id());
        }

        @Test
        void searchFindsMessageText() {
            Conversation ana = conversation();
            Conversation bo = conversation(TENANT, "+15551230002", T0);
            store.append(fixtures.inbound(ana, "Do you do Botox?", at(1)), null);
            store.append(fixtures.inbound(bo, "What are your hours?", at(2)), null);
            assertThat(ids(list(ConversationQuery.all().withText("botox")))).containsExactly(ana.id());
        }

        @Test
        void searchTakesPercentAndUnderscoreLiterally() {
            Conversation ana = conversation();
            Conversation bo = conversation(TENANT, "+15551230002", T0);
            store.append(fixtures.inbound(ana, "Is the 50% discount on?", at(1)), null);
            store.append(fixtures.inbound(bo, "I paid 500 dollars", at(2)), null);
            assertThat(ids(list(ConversationQuery.all().withText("50%")))).containsExactly(ana.id());
        }

        @Test
        void aConversationMatchingManyMessagesIsListedOnce() {
            Conversation ana = conversation();
            store.append(fixtures.inbound(ana, "botox please", at(1)), null);
            store.append(fixtures.inbound(ana, "botox again", at(2)), null);
            ConversationPage page = list(ConversationQuery.all().withText("botox"));
            assertThat(ids(page)).containsExactly(ana.id());
            assertThat(page.total()).isEqualTo(1);
        }

        @Test
        void aSearchTotalCountsEachMatchOnceWithinTheOtherFilters() {
            Conversation ana = conversation();
            store.append(fixtures.inbound(ana, "Are lima beans on the menu?", at(1)), null);
            fixtures.open(TENANT, ChannelId.EMAIL, null, "bo@example.com", "Bo", "Trip to Lima", T0);
            fixtures.open(TENANT, ChannelId.SMS, "+15551230003", null, "Cy", null, T0);
            fixtures.open("another-tenant", ChannelId.SMS, "+15551230004", null, "Di Lima", null, T0);
            assertThat(list(ConversationQuery.all().withText("lima")).total()).isEqualTo(2);
            assertThat(list(ConversationQuery.all().withText("lima").withChannel(ChannelId.EMAIL)).total()).isEqualTo(1);
            assertThat(list(ConversationQuery.all().withText("lima").withPage(2, 1)).total()).isEqualTo(2);
            assertThat(list(ConversationQuery.all().withText("lima").withPage(1, 1)).total())
                    .as("a page with more after it counts a match in a column and one in a message").isEqualTo(2);
        }

        @Test
        void aSearchStopsCountingPastTheMaximumAndSaysSo() {
            for (int i = 0; i < ConversationPage.MAX_COUNTED_MATCHES; i++) {
                fixtures.open(TENANT, ChannelId.EMAIL, null, "guest" + i + "@example.com", "Guest " + i, "Facial " + i, T0);
            }
            ConversationPage atTheMaximum = list(ConversationQuery.all().withText("facial"));
            assertThat(atTheMaximum.total()).isEqualTo(ConversationPage.MAX_COUNTED_MATCHES);
            assertThat(atTheMaximum.totalExact()).isTrue();

            fixtures.open(TENANT, ChannelId.EMAIL, null, "one-more@example.com", "One More", "Facial again", T0);
            ConversationPage overIt = list(ConversationQuery.all().withText("facial"));
            assertThat(overIt.total()).isEqualTo(ConversationPage.MAX_COUNTED_MATCHES);
            assertThat(overIt.totalExact()).isFalse();
            ConversationPage next = list(ConversationQuery.all().withText("facial").withCursor(overIt.nextCursor()));
            assertThat(next.totalExact()).as("later pages carry the first page's count").isFalse();
            assertThat(list(ConversationQuery.all()).totalExact()).as("without a search every total is exact").isTrue();
            assertThat(list(ConversationQuery.all()).total()).isEqualTo(ConversationPage.MAX_COUNTED_MATCHES + 1L);
        }

        @Test
        void pageNumbersSkipEarlierPages() {
            List<String> newestFirst = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                newestFirst.add(0, conversation(TENANT, "+1555123000" + i, at(i)).id());
            }
            ConversationPage third = list(ConversationQuery.all().withPage(3, 2));
            assertThat(ids(third)).containsExactly(newestFirst.get(4));
            assertThat(third.total()).isEqualTo(5);
        }

        @Test
        void cursorPagesAreDisjointAndComplete() {
            List<String> all = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                all.add(conversation(TENANT, "+1555123000" + i, at(i / 3)).id());
            }
            List<String> expected = ids(list(ConversationQuery.all().withPage(1, 100)));
            List<String> seen = new ArrayList<>();
            ConversationQuery query = ConversationQuery.all().withPage(1, 3);
            ConversationPage page;
            do {
                page = list(query);
                seen.addAll(ids(page));
                query = query.withCursor(page.nextCursor());
            } while (page.nextCursor() != null);
            assertThat(seen).containsExactlyElementsOf(expected).containsExactlyInAnyOrderElementsOf(all);
        }

        @Test
        void cursorPagesCarryTheTotalOfTheFirstPage() {
            for (int i = 0; i < 5; i++) {
                conversation(TENANT, "+1555123000" + i, at(i));
            }
            ConversationPage first = list(ConversationQuery.all().withPage(1, 2));
            conversation(TENANT, "+15551239999", at(9));

            ConversationPage second = list(ConversationQuery.all().withPage(1, 2).withCursor(first.nextCursor()));

            assertThat(first.total()).isEqualTo(5);
            assertThat(second.total()).isEqualTo(5);
            assertThat(list(ConversationQuery.all()).total()).isEqualTo(6);
        }

        @Test
        void theTotalIsTheNumberOfListedConversationsUnderEveryFilter() {
            Conversation sms = conversation(TENANT, "+15551230001", at(1));
            Conversation completed = conversation(TENANT, "+15551230002", at(2));
            Conversation email = fixtures.open(TENANT, ChannelId.EMAIL, null, "ana@example.com", "Ana", "Hi", at(3));
            Conversation whatsapp = fixtures.open(TENANT, ChannelId.WHATSAPP, "+15551230003", null, "Bo", null, at(4));
            conversation(OTHER_TENANT, "+15551230001", at(5));
            store.append(fixtures.inbound(sms, "Hi", at(6), "SM1"), null);
            store.append(fixtures.inbound(sms, "Hi", at(7), "SM1"), null);
            store.append(fixtures.inbound(completed, "Hello", at(8)), null);
            store.updateConversation(TENANT, completed.id(), c -> c.withStatus(ConversationStatus.COMPLETED));
            store.append(fixtures.inbound(email, "A question", at(9)), null);
            store.markRead(TENANT, email.id());
            store.append(fixtures.outbound(whatsapp, "A reminder", DeliveryStatus.QUEUED, at(10)), null);
            store.updateConversation(TENANT, whatsapp.id(), c -> c.withStatus(ConversationStatus.ARCHIVED));
            store.append(fixtures.inbound(whatsapp, "Thanks", at(11)), null);

            Map<String, Long> totals = new HashMap<>();
            Map<String, Long> listed = new HashMap<>();
            for (ChannelId channel : Arrays.asList(null, ChannelId.SMS, ChannelId.EMAIL, ChannelId.WHATSAPP, ChannelId.VOICE)) {
                for (ConversationStatus status : Arrays.asList(null, ConversationStatus.ACTIVE, ConversationStatus.COMPLETED,
                        ConversationStatus.ARCHIVED)) {
                    for (boolean unreadOnly : new boolean[] {false, true}) {
                        ConversationPage page = list(ConversationQuery.all().withChannel(channel).withStatus(status)
                                .withUnreadOnly(unreadOnly).withPage(1, ConversationQuery.MAX_PAGE_SIZE));
                        String filter = "channel=" + channel + " status=" + status + " unreadOnly=" + unreadOnly;
                        totals.put(filter, page.total());
                        listed.put(filter, (long) page.conversations().size());
                    }
                }
            }
            assertThat(totals).isEqualTo(listed);
            assertThat(totals).containsEntry("channel=null status=null unreadOnly=false", 4L)
                    .containsEntry("channel=null status=null unreadOnly=true", 3L);
        }

        @Test
        void theLastPageHasNoCursor() {
            conversation();
            assertThat(list(ConversationQuery.all()).nextCursor()).isNull();
        }

        @Test
        void aTamperedCursorIsAValidationErrorOnCursor() {
            assertThatThrownBy(() -> list(ConversationQuery.all().withCursor("not-a-cursor")))
                    .isInstanceOf(MessagingException.class)
                    .satisfies(e -> assertThat(((MessagingException) e).field()).isEqualTo("cursor"));
        }

        @Test
        void unreadByChannelCountsUnreadMessagesAndOmitsChannelsWithout() {
            Conversation sms = conversation();
            store.append(fixtures.inbound(sms, "one", at(1)), null);
            store.append(fixtures.inbound(sms, "two", at(2)), null);
            Conversation email = fixtures.open(TENANT, ChannelId.EMAIL, null, "ana@example.com", "Ana", "Hi", T0);
            store.append(fixtures.inbound(email, "three", at(3)), null);
            store.markRead(TENANT, email.id());
            fixtures.open(TENANT, ChannelId.WHATSAPP, "+15551230001", null, "Ana", null, T0);
            assertThat(store.unreadByChannel(TENANT)).isEqualTo(Map.of(ChannelId.SMS, 2L));
        }

        @Test
        void unreadCountsLeaveSpamOutAsTheListsDo() {
            Conversation sms = conversation();
            store.append(fixtures.inbound(sms, "one", at(1)), null);
            Conversation spam = fixtures.open(TENANT, ChannelId.SMS, "+15551230009", null, "Bot", null, T0);
            store.append(fixtures.inbound(spam, "buy now", at(2)), null);
            store.updateConversation(TENANT, spam.id(), c -> c.withStatus(ConversationStatus.SPAM));

            assertThat(store.unreadByChannel(TENANT)).isEqualTo(Map.of(ChannelId.SMS, 1L));
        }
    }

    @Nested
    class ContactList {

        @Test
        void contactsComeNewestFirstWithTheirChannelsActivityAndConversationCount() {
            Conversation anaSms = fixtures.open(TENANT, ChannelId.SMS, "+15551230001", "ana@example.com", "Ana", null, at(1));
            fixtures.open(TENANT, ChannelId.EMAIL, "+15551230001", "ana@example.com", "Ana", "Botox", at(5));
            Conversation ben = fixtures.open(TENANT, ChannelId.SMS, "+15551230002", null, "Ben", null, at(3));
            Contact quiet = store.upsertContact(TENANT, null, "quiet@example.com", "Quiet");
            fixtures.open(OTHER_TENANT, ChannelId.SMS, "+15551230003", null, "Cy", null, at(2));

            ContactPage page = store.listContacts(TENANT, ContactQuery.all());

            assertThat(page.contacts()).extracting(summary -> summary.contact().id())
                    .containsExactly(quiet.id(), ben.contactId(), anaSms.contactId());
            assertThat(page.contacts().get(2)).satisfies(ana -> {
                assertThat(ana.channels()).containsExactlyInAnyOrder(ChannelId.SMS, ChannelId.EMAIL);
                assertThat(ana.conversationCount()).isEqualTo(2);
                assertThat(ana.lastActivityAt()).isEqualTo(at(5));
            });
            assertThat(page.contacts().get(0)).satisfies(none -> {
                assertThat(none.channels()).isEmpty();
                assertThat(none.conversationCount()).isZero();
                assertThat(none.lastActivityAt()).isNull();
            });
            assertThat(page.nextCursor()).isNull();
        }

        @Test
        void filtersCombine() {
            Conversation ana = fixtures.open(TENANT, ChannelId.SMS, "+15551230001", "ana@example.com", "Ana Lima", null, at(1));
            Conversation ben = fixtures.open(TENANT, ChannelId.EMAIL, null, "ben@example.com", "Ben", "Hi", at(2));
            Conversation cy = fixtures.open(TENANT, ChannelId.SMS, "+15551230003", null, "Cy", null, at(3));
            store.setOptedOut(TENANT, cy.contactId(), ChannelId.SMS, true);
            store.setOptedOut(TENANT, ben.contactId(), ChannelId.WHATSAPP, true);

            assertThat(ids(ContactQuery.all().withText("LIMA"))).containsExactly(ana.contactId());
            assertThat(ids(ContactQuery.all().withText("example.com"))).containsExactly(ben.contactId(), ana.contactId());
            assertThat(ids(ContactQuery.all().withText("5551230003"))).containsExactly(cy.contactId());
            assertThat(ids(ContactQuery.all().withChannel(ChannelId.SMS))).containsExactly(cy.contactId(), ana.contactId());
            assertThat(ids(ContactQuery.all().withOptedOut(true))).containsExactly(cy.contactId(), ben.contactId());
            assertThat(ids(ContactQuery.all().withOptedOut(false))).containsExactly(ana.contactId());
            assertThat(ids(ContactQuery.all().withChannel(ChannelId.SMS).withOptedOut(true))).containsExactly(cy.contactId());
            assertThat(ids(ContactQuery.all().withChannel(ChannelId.SMS).withOptedOut(false))).containsExactly(ana.contactId());
            assertThat(ids(ContactQuery.all().withIds(Set.of(ana.contactId(), ben.contactId())))).containsExactly(ben.contactId(), ana.contactId());
            assertThat(ids(ContactQuery.all().withIds(Set.of()))).isEmpty();
            assertThat(ids(ContactQuery.all().withText("100%_"))).isEmpty();
        }

        @Test
        void theCursorWalksEveryContactOnce() {
            List<String> created = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                created.add(fixtures.smsConversation(TENANT, "+1555123001" + i, at(i)).contactId());
            }
            List<String> walked = new ArrayList<>();
            ContactQuery query = ContactQuery.all().withPageSize(3);
            ContactPage page;
            do {
                page = store.listContacts(TENANT, query);
                page.contacts().forEach(summary -> walked.add(summary.contact().id()));
                query = query.withCursor(page.nextCursor());
            } while (page.nextCursor() != null);

            Collections.reverse(created);
            assertThat(walked).containsExactlyElementsOf(created);
        }

        @Test
        void aContactsConversationsComeNewestActivityFirst() {
            Conversation sms = fixtures.open(TENANT, ChannelId.SMS, "+15551230001", "ana@example.com", "Ana", null, at(1));
            Conversation email = fixtures.open(TENANT, ChannelId.EMAIL, "+15551230001", "ana@example.com", "Ana", "Botox", at(5));
            fixtures.open(TENANT, ChannelId.SMS, "+15551230002", null, "Ben", null, at(9));

            assertThat(store.conversationsOf(TENANT, sms.contactId())).extracting(Conversation::id).containsExactly(email.id(), sms.id());
            assertThat(store.conversationsOf(OTHER_TENANT, sms.contactId())).isEmpty();
        }

        private List<String> ids(ContactQuery query) {
            return store.listContacts(TENANT, query).contacts().stream().map(summary -> summary.contact().id()).toList();
        }
    }

    @Nested
    class Idempotency {

        @Test
        void markProcessedIsTrueOnlyTheFirstTime() {
            assertThat(store.markProcessed(TENANT, "webhook-1")).isTrue();
            assertThat(store.markProcessed(TENANT, "webhook-1")).isFalse();
        }

        @Test
        void processedKeysArePerTenant() {
            store.markProcessed(TENANT, "webhook-1");
            assertThat(store.markProcessed(OTHER_TENANT, "webhook-1")).isTrue();
        }

        @Test
        void exactlyOneOfManyConcurrentCallersProcessesAKey() {
            List<Boolean> results = Concurrently.run(16, i -> store.markProcessed(TENANT, "webhook-race"));
            assertThat(results).filteredOn(Boolean::booleanValue).hasSize(1);
        }
    }

    @Nested
    class TenantIsolation {

        @Test
        void anotherTenantDoesNotFindTheConversation() {
            Conversation c = conversation();
            assertThat(store.findConversation(OTHER_TENANT, c.id())).isEmpty();
        }

        @Test
        void anotherTenantDoesNotFindTheActiveConversationByThreadKey() {
            Conversation c = conversation();
            assertThat(store.findActiveConversation(OTHER_TENANT, c.threadKey())).isEmpty();
        }

        @Test
        void anotherTenantDoesNotFindTheMessage() {
            Conversation c = conversation();
            Message message = fixtures.inbound(c, "Hi", at(1), "SM001");
            store.append(message, null);
            assertThat(store.findMessage(OTHER_TENANT, message.id())).isEmpty();
            assertThat(store.findMessageByProviderId(OTHER_TENANT, ChannelId.SMS, "SM001")).isEmpty();
            assertThat(store.messages(OTHER_TENANT, c.id())).isEmpty();
        }

        @Test
        void anotherTenantDoesNotFindTheContact() {
            Contact contact = store.upsertContact(TENANT, "+15551230001", null, "Ana");
            assertThat(store.findContact(OTHER_TENANT, contact.id())).isEmpty();
            assertThat(store.upsertContact(OTHER_TENANT, "+15551230001", null, "Ana").id()).isNotEqualTo(contact.id());
        }

        @Test
        void anotherTenantListsNothing() {
            store.append(fixtures.inbound(conversation(), "Hi", at(1)), null);
            assertThat(store.listConversations(OTHER_TENANT, ConversationQuery.all()).total()).isZero();
            assertThat(store.unreadByChannel(OTHER_TENANT)).isEmpty();
        }

        @Test
        void anotherTenantCannotChangeTheMessageOrConversation() {
            Conversation c = conversation();
            Message queued = fixtures.queue(c, "Hello", at(1));
            assertThat(store.updateDelivery(OTHER_TENANT, queued.id(), DeliveryUpdate.of(DeliveryStatus.SENT, at(2)))).isEmpty();
            assertThat(store.cancel(OTHER_TENANT, queued.id(), at(2))).isEmpty();
            assertFailsWith(ErrorCode.NOT_FOUND, () -> store.markRead(OTHER_TENANT, c.id()));
        }

        @Test
        void theSameThreadKeyInTwoTenantsOpensTwoConversations() {
            Conversation mine = conversation();
            Conversation theirs = conversation(OTHER_TENANT, "+15551230001", T0);
            assertThat(theirs.id()).isNotEqualTo(mine.id());
        }
    }

    @Nested
    class Outbox {

        private Conversation c;

        @BeforeEach
        void conversationWithOutbox() {
            c = conversation();
        }

        private List<OutboxEntry> claim(String worker, Instant now) {
            return store.claimDue(now, 10, worker, now.plus(LEASE), GRACE);
        }

        /** The first instant another worker may take a claim made at {@code claimedAt} whose worker stopped. */
        private static Instant afterLeaseAndGrace(Instant claimedAt) {
            return claimedAt.plus(LEASE).plus(GRACE);
        }

        private static DeliveryUpdate sent(Instant at) {
            return new DeliveryUpdate(DeliveryStatus.SENT, at, "SM-" + at.getEpochSecond(), null, null);
        }

        @Test
        void onlyDueEntriesAreClaimed() {
            Message now = fixtures.queue(c, "now", at(0));
            fixtures.queue(c, "later", at(3600));
            assertThat(claim("w1", at(0))).extracting(OutboxEntry::messageId).containsExactly(now.id());
        }

        @Test
        void claimsComeInDueOrderUpToTheLimit() {
            Message second = fixtures.queue(c, "second", at(2));
            Message first = fixtures.queue(c, "first", at(1));
            fixtures.queue(c, "third", at(3));
            assertThat(store.claimDue(at(10), 2, "w1", at(10).plus(LEASE), GRACE)).extracting(OutboxEntry::messageId)
                    .containsExactly(first.id(), second.id());
        }

        @Test
        void aClaimCarriesTheWorkerLeaseAndAttempts() {
            Message queued = fixtures.queue(c, "now", at(0));
            OutboxEntry entry = claim("w1", at(0)).get(0);
            assertThat(entry).isEqualTo(new OutboxEntry(TENANT, queued.id(), at(0), 0, "w1", at(0).plus(LEASE), false));
        }

        @Test
        void claimedEntriesAreInvisibleToOtherWorkersUntilTheLeaseExpires() {
            fixtures.queue(c, "now", at(0));
            claim("w1", at(0));
            assertThat(claim("w2", at(1))).isEmpty();
        }

        @Test
        void anAbandonedClaimIsNotTakenBeforeItsLeaseAndTheGraceAreOver() {
            fixtures.queue(c, "now", at(0));
            claim("w1", at(0));
            assertThat(claim("w2", at(0).plus(LEASE).plusSeconds(1))).as("just after the lease").isEmpty();
            assertThat(claim("w2", afterLeaseAndGrace(at(0)).minusSeconds(1))).as("just before the grace is over").isEmpty();
        }

        @Test
        void anAbandonedClaimIsTakenInDoubtOnceTheGraceIsOver() {
            Message queued = fixtures.queue(c, "now", at(0));
            claim("w1", at(0));
            assertThat(claim("w2", afterLeaseAndGrace(at(0))))
                    .extracting(OutboxEntry::messageId, OutboxEntry::workerId, OutboxEntry::attemptInDoubt)
                    .containsExactly(tuple(queued.id(), "w2", true));
        }

        @Test
        void anEntryTakenInDoubtAndAbandonedAgainStaysInDoubt() {
            fixtures.queue(c, "now", at(0));
            claim("w1", at(0));
            Instant secondClaim = afterLeaseAndGrace(at(0));
            claim("w2", secondClaim);
            assertThat(claim("w3", afterLeaseAndGrace(secondClaim))).extracting(OutboxEntry::attemptInDoubt).containsExactly(true);
        }

        @Test
        void aFirstClaimIsNotInDoubt() {
            fixtures.queue(c, "now", at(0));
            assertThat(claim("w1", at(0))).extracting(OutboxEntry::attemptInDoubt).containsExactly(false);
        }

        @Test
        void anEntryRetriedLaterIsNotInDoubt() {
            fixtures.queue(c, "now", at(0));
            store.retryLater(claim("w1", at(0)).get(0), at(30), "timeout");
            assertThat(claim("w2", at(30))).extracting(OutboxEntry::attemptInDoubt).containsExactly(false);
        }

        @Test
        void anEntryReleasedAtShutdownIsNotInDoubt() {
            fixtures.queue(c, "now", at(0));
            claim("w1", at(0));
            store.releaseAll("w1");
            assertThat(claim("w2", at(1))).extracting(OutboxEntry::attemptInDoubt).containsExactly(false);
        }

        @Test
        void theOldWorkerCannotCompleteAClaimAnotherWorkerTook() {
            fixtures.queue(c, "now", at(0));
            OutboxEntry stale = claim("w1", at(0)).get(0);
            claim("w2", afterLeaseAndGrace(at(0)));
            assertThat(store.complete(stale, sent(at(200)))).isEmpty();
        }

        @Test
        void theNewWorkerCompletesTheTakenClaim() {
            Message queued = fixtures.queue(c, "now", at(0));
            claim("w1", at(0));
            OutboxEntry taken = claim("w2", afterLeaseAndGrace(at(0))).get(0);
            assertThat(store.complete(taken, sent(at(200)))).map(Message::status).contains(DeliveryStatus.SENT);
            assertThat(stored(queued).status()).isEqualTo(DeliveryStatus.SENT);
        }

        @Test
        void completingWithAProviderIdAnotherMessageHasIsAConflictThatKeepsTheClaim() {
            Message first = fixtures.queue(c, "first", at(0));
            Message second = fixtures.queue(c, "second", at(0));
            store.updateDelivery(TENANT, first.id(), new DeliveryUpdate(DeliveryStatus.SENT, at(1), "SM-TAKEN", null, null));
            OutboxEntry entry = claim("w1", at(2)).stream().filter(e -> e.messageId().equals(second.id())).findFirst().orElseThrow();
            assertFailsWith(ErrorCode.CONFLICT, () -> store.complete(entry, new DeliveryUpdate(DeliveryStatus.SENT, at(3), "SM-TAKEN", null, null)));
            assertThat(stored(second).status()).isEqualTo(DeliveryStatus.QUEUED);
            assertThat(store.complete(entry, new DeliveryUpdate(DeliveryStatus.FAILED, at(4), null, "provider_id_conflict", "taken")))
                    .map(Message::status).contains(DeliveryStatus.FAILED);
        }

        @Test
        void aBatchGivingTwoMessagesOneProviderIdIsAConflictThatCompletesNone() {
            fixtures.queue(c, "first", at(0));
            fixtures.queue(c, "second", at(0));
            List<OutboxEntry> claimed = claim("w1", at(0));
            DeliveryUpdate sameId = new DeliveryUpdate(DeliveryStatus.SENT, at(1), "SM-SAME", null, null);
            assertFailsWith(ErrorCode.CONFLICT, () -> store.completeAll(List.of(
                    new OutboxStore.Completion(claimed.get(0), sameId), new OutboxStore.Completion(claimed.get(1), sameId))));
            assertThat(store.pendingCount()).isEqualTo(2);
            assertThat(store.findMessageByProviderId(TENANT, ChannelId.SMS, "SM-SAME")).isEmpty();
        }

        @Test
        void completeRemovesTheEntryAndAppliesTheUpdate() {
            Message queued = fixtures.queue(c, "now", at(0));
            OutboxEntry entry = claim("w1", at(0)).get(0);
            Optional<Message> done = store.complete(entry, sent(at(5)));
            assertThat(done).map(Message::providerMessageId).contains("SM-" + at(5).getEpochSecond());
            assertThat(store.pendingCount()).isZero();
            assertThat(stored(queued).status()).isEqualTo(DeliveryStatus.SENT);
        }

        @Test
        void completingTwiceChangesNothingTheSecondTime() {
            fixtures.queue(c, "now", at(0));
            OutboxEntry entry = claim("w1", at(0)).get(0);
            store.complete(entry, sent(at(5)));
            assertThat(store.complete(entry, sent(at(6)))).isEmpty();
        }

        @Test
        void completeAllEndsEachEntryAndAnswersInOrder() {
            Message first = fixtures.queue(c, "first", at(0));
            Message second = fixtures.queue(c, "second", at(1));
            List<OutboxEntry> claimed = claim("w1", at(1));
            DeliveryUpdate failed = new DeliveryUpdate(DeliveryStatus.FAILED, at(6), null, "21211", "invalid number");
            List<Optional<Message>> done = store.completeAll(List.of(
                    new OutboxStore.Completion(claimed.get(0), sent(at(5))), new OutboxStore.Completion(claimed.get(1), failed)));
            assertThat(done).extracting(m -> m.orElseThrow().id()).containsExactly(first.id(), second.id());
            assertThat(done).extracting(m -> m.orElseThrow().status()).containsExactly(DeliveryStatus.SENT, DeliveryStatus.FAILED);
            assertThat(stored(first).providerMessageId()).isEqualTo("SM-" + at(5).getEpochSecond());
            assertThat(stored(second).errorCode()).isEqualTo("21211");
            assertThat(store.pendingCount()).isZero();
        }

        @Test
        void completeAllSkipsOnlyTheEntriesWhoseClaimWasLost() {
            Message kept = fixtures.queue(c, "kept", at(0));
            Message lost = fixtures.queue(c, "lost", at(0));
            List<OutboxEntry> claimed = claim("w1", at(0));
            OutboxEntry lostEntry = claimed.stream().filter(e -> e.messageId().equals(lost.id())).findFirst().orElseThrow();
            OutboxEntry keptEntry = claimed.stream().filter(e -> e.messageId().equals(kept.id())).findFirst().orElseThrow();
            store.retryLater(lostEntry, at(1), "timeout");
            claim("w2", at(1));
            List<Optional<Message>> done = store.completeAll(List.of(
                    new OutboxStore.Completion(lostEntry, sent(at(5))), new OutboxStore.Completion(keptEntry, sent(at(5)))));
            assertThat(done.get(0)).isEmpty();
            assertThat(done.get(1)).map(Message::status).contains(DeliveryStatus.SENT);
            assertThat(stored(lost).status()).isEqualTo(DeliveryStatus.QUEUED);
            assertThat(store.pendingCount()).isEqualTo(1);
        }

        @Test
        void completeAllRemovesAnEntryWhoseMessageMovedOnWithoutMovingItBack() {
            Message queued = fixtures.queue(c, "now", at(0));
            OutboxEntry entry = claim("w1", at(0)).get(0);
            store.updateDelivery(TENANT, queued.id(), new DeliveryUpdate(DeliveryStatus.DELIVERED, at(3), "SM-early", null, null));
            List<Optional<Message>> done = store.completeAll(List.of(new OutboxStore.Completion(entry, sent(at(5)))));
            assertThat(done.get(0)).map(Message::status).contains(DeliveryStatus.DELIVERED);
            assertThat(store.pendingCount()).isZero();
        }

        @Test
        void outgoingLoadsEachMessageWithItsConversationAndContact() {
            Message one = fixtures.queue(c, "one", at(0));
            Message two = fixtures.queue(c, "two", at(0));
            Map<String, OutgoingMessage> loaded = store.outgoing(TENANT, List.of(one.id(), "no-such-message", two.id()));
            assertThat(loaded).containsOnlyKeys(one.id(), two.id());
            OutgoingMessage outgoing = loaded.get(two.id());
            assertThat(outgoing.message()).isEqualTo(stored(two));
            assertThat(outgoing.conversation().id()).isEqualTo(c.id());
            assertThat(outgoing.contact()).isEqualTo(store.findContact(TENANT, c.contactId()).orElseThrow());
        }

        @Test
        void outgoingSeesOnlyItsTenant() {
            Message queued = fixtures.queue(c, "one", at(0));
            assertThat(store.outgoing("another-tenant", List.of(queued.id()))).isEmpty();
        }

        @Test
        void retryLaterMakesItDueAgainWithOneMoreAttempt() {
            fixtures.queue(c, "now", at(0));
            OutboxEntry entry = claim("w1", at(0)).get(0);
            store.retryLater(entry, at(30), "timeout");
            assertThat(claim("w2", at(29))).isEmpty();
            assertThat(claim("w2", at(30))).extracting(OutboxEntry::attempts).containsExactly(1);
        }

        @Test
        void releaseAllHandsAWorkersClaimsToOthersAtOnce() {
            fixtures.queue(c, "one", at(0));
            fixtures.queue(c, "two", at(0));
            claim("w1", at(0));
            store.releaseAll("w1");
            assertThat(claim("w2", at(1))).hasSize(2);
        }

        @Test
        void releaseAllGivesTheEntriesBackTheirDueTimes() {
            Message first = fixtures.queue(c, "first", at(0));
            fixtures.queue(c, "second", at(5));
            claim("w1", at(10));
            store.releaseAll("w1");
            assertThat(claim("w2", at(1))).extracting(OutboxEntry::messageId).containsExactly(first.id());
        }

        @Test
        void releaseAllLeavesOtherWorkersClaimsAlone() {
            fixtures.queue(c, "one", at(0));
            claim("w1", at(0));
            store.releaseAll("w2");
            assertThat(claim("w3", at(1))).isEmpty();
        }

        @Test
        void cancelRemovesAnUnclaimedEntry() {
            Message queued = fixtures.queue(c, "later", at(600));
            assertThat(store.cancel(TENANT, queued.id(), at(1))).map(Message::status).contains(DeliveryStatus.CANCELED);
            assertThat(store.pendingCount()).isZero();
            assertThat(claim("w1", at(600))).isEmpty();
        }

        @Test
        void aClaimedEntryCannotBeCanceled() {
            Message queued = fixtures.queue(c, "now", at(0));
            claim("w1", at(0));
            assertThat(store.cancel(TENANT, queued.id(), at(1))).isEmpty();
            assertThat(stored(queued).status()).isEqualTo(DeliveryStatus.QUEUED);
        }

        @Test
        void anEntryWhoseWorkerStoppedCannotBeCanceled() {
            Message queued = fixtures.queue(c, "now", at(0));
            claim("w1", at(0));
            assertThat(store.cancel(TENANT, queued.id(), afterLeaseAndGrace(at(0)).plusSeconds(1))).isEmpty();
            assertThat(stored(queued).status()).isEqualTo(DeliveryStatus.QUEUED);
        }

        @Test
        void cancelOfAnUnknownMessageIsEmpty() {
            assertThat(store.cancel(TENANT, "no-such-message", at(1))).isEmpty();
        }

        @Test
        void rescheduleMovesTheDueTime() {
            Message queued = fixtures.queue(c, "soon", at(10));
            assertThat(store.dueAt(TENANT, queued.id())).contains(at(10));
            assertThat(store.reschedule(TENANT, queued.id(), at(100))).isTrue();
            assertThat(store.dueAt(TENANT, queued.id())).contains(at(100));
            assertThat(claim("w1", at(50))).isEmpty();
            assertThat(claim("w1", at(100))).extracting(OutboxEntry::messageId).containsExactly(queued.id());
        }

        @Test
        void aClaimedEntryCannotBeRescheduled() {
            Message queued = fixtures.queue(c, "now", at(0));
            claim("w1", at(0));
            assertThat(store.reschedule(TENANT, queued.id(), at(100))).isFalse();
            assertThat(store.dueAt(TENANT, queued.id())).as("held by a worker").isEmpty();
            assertThat(store.dueAt(TENANT, "no-such-message")).isEmpty();
        }

        @Test
        void pendingCountIncludesClaimedEntries() {
            fixtures.queue(c, "one", at(0));
            fixtures.queue(c, "two", at(0));
            claim("w1", at(0));
            assertThat(store.pendingCount()).isEqualTo(2);
        }

        @Test
        void concurrentWorkersNeverClaimTheSameEntry() {
            int entries = 60;
            for (int i = 0; i < entries; i++) {
                fixtures.queue(c, "bulk " + i, at(0));
            }
            List<List<String>> claimedPerWorker = Concurrently.run(4, w -> drain("w" + w));
            List<String> all = claimedPerWorker.stream().flatMap(List::stream).toList();
            assertThat(all).hasSize(entries).doesNotHaveDuplicates();
        }

        private List<String> drain(String worker) {
            List<String> claimed = new ArrayList<>();
            List<OutboxEntry> batch;
            while (!(batch = store.claimDue(at(1), 5, worker, at(1).plus(LEASE), GRACE)).isEmpty()) {
                batch.forEach(e -> claimed.add(e.messageId()));
            }
            return claimed;
        }
    }
}

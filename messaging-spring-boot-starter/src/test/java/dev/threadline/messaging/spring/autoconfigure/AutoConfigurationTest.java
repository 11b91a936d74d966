package dev.threadline.messaging.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.ReceiveResult;
import dev.threadline.messaging.jpa.JpaConversationStore;
import dev.threadline.messaging.memory.InMemoryConversationStore;
import dev.threadline.messaging.offline.KnowledgeBase;
import dev.threadline.messaging.offline.KnowledgeBaseResponder;
import dev.threadline.messaging.openai.OpenAiResponder;
import dev.threadline.messaging.openai.OpenAiSatisfactionScorer;
import dev.threadline.messaging.openai.OpenAiSummarizer;
import dev.threadline.messaging.sendgrid.AttachmentStore;
import dev.threadline.messaging.sendgrid.LocalAttachmentStore;
import dev.threadline.messaging.sendgrid.SendGridChannel;
import dev.threadline.messaging.sendgrid.SendGridEventParser;
import dev.threadline.messaging.sendgrid.SendGridEventVerifier;
import dev.threadline.messaging.sendgrid.SendGridInboundParser;
import dev.threadline.messaging.simulator.SimulatorChannel;
import dev.threadline.messaging.spi.AiReply;
import dev.threadline.messaging.spi.AiResponder;
import dev.threadline.messaging.spi.AiTool;
import dev.threadline.messaging.spi.Channel;
import dev.threadline.messaging.spi.ChannelCapabilities;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spi.SendResult;
import dev.threadline.messaging.spring.MessagingAutoConfiguration;
import dev.threadline.messaging.spring.MessagingJpaAutoConfiguration;
import dev.threadline.messaging.spring.MessagingObservabilityAutoConfiguration;
import dev.threadline.messaging.spring.MessagingOpenAiAutoConfiguration;
import dev.threadline.messaging.spring.MessagingSendGridAutoConfiguration;
import dev.threadline.messaging.spring.MessagingSpringAiAutoConfiguration;
import dev.threadline.messaging.spring.ai.ThreadlineChatMemoryRepository;
import dev.threadline.messaging.twilio.TwilioPacing;
import dev.threadline.messaging.twilio.TwilioSettings;
import java.time.Duration;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import dev.threadline.messaging.spring.MessagingTwilioAutoConfiguration;
import dev.threadline.messaging.spring.MessagingWebAutoConfiguration;
import dev.threadline.messaging.spring.internal.DeliveryLifecycle;
import dev.threadline.messaging.spring.internal.StartupReport;
import dev.threadline.messaging.spring.internal.MessagingHealthIndicator;
import dev.threadline.messaging.spring.internal.MessagingMetrics;
import dev.threadline.messaging.spring.internal.web.support.ApiExceptionResolver;
import dev.threadline.messaging.twilio.TwilioChannel;
import dev.threadline.messaging.twilio.TwilioSignatureVerifier;
import dev.threadline.messaging.twilio.TwilioWebhookParser;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** Which beans the starter creates for each combination of optional modules, properties and host beans. */
class AutoConfigurationTest {

    private static final AutoConfigurations ALL = AutoConfigurations.of(MessagingJpaAutoConfiguration.class,
            MessagingTwilioAutoConfiguration.class, MessagingSendGridAutoConfiguration.class,
            MessagingOpenAiAutoConfiguration.class, MessagingAutoConfiguration.class, MessagingWebAutoConfiguration.class,
            MessagingObservabilityAutoConfiguration.class, MessagingSpringAiAutoConfiguration.class);

    /** messaging-jpa is on this class path: without a DataSource, the in-memory store must be chosen on purpose. */
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(ALL)
            .withPropertyValues("messaging.delivery.enabled=false", "messaging.jpa.enabled=false");

    @Test
    void withNothingConfiguredTheManagerRunsInMemoryOnSimulators() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(MessageManager.class);
            assertThat(context).getBean(ConversationStore.class).isInstanceOf(InMemoryConversationStore.class);
            assertThat(context.getBean(MessageManager.class).sendingChannels()).containsExactlyInAnyOrder(ChannelId.SMS, ChannelId.EMAIL);
            assertThat(context.getBeansOfType(SimulatorChannel.class)).hasSize(2);
        });
    }

    @Test
    void withoutAKnowledgeBaseThereIsNoResponder() {
        runner.run(context -> assertThat(context).doesNotHaveBean(AiResponder.class));
    }

    @Test
    void aKnowledgeBaseBeanEnablesTheOfflineResponder() {
        runner.withBean(KnowledgeBase.class, AutoConfigurationTest::knowledgeBase)
                .run(context -> assertThat(context).getBean(AiResponder.class).isInstanceOf(KnowledgeBaseResponder.class));
    }

    @Test
    void hostToolsReachTheResponder() {
        runner.withBean(KnowledgeBase.class, AutoConfigurationTest::knowledgeBase)
                .withBean("availability", AiTool.class, () -> new AiTool("check_availability", "Open slots", "{\"type\":\"object\"}",
                        false, invocation -> "Tuesday 10am"))
                .run(context -> {
                    MessageManager manager = context.getBean(MessageManager.class);
                    ReceiveResult result = manager.receive(InboundMessage.builder("acme", ChannelId.SMS).customerName("Ana")
                            .customerPhone("+14155550123").body("I'd like to book Botox").build());

                    assertThat(manager.events("acme", result.conversation().id()))
                            .anyMatch(event -> event.type().equals(ConversationEvent.TOOL_CALL));
                    assertThat(result.aiReply().body()).contains("Tuesday 10am");
                });
    }

    @Test
    void aHostResponderWins() {
        runner.withBean(KnowledgeBase.class, AutoConfigurationTest::knowledgeBase)
                .withBean(AiResponder.class, () -> request -> new AiReply("host reply"))
                .run(context -> assertThat(context).doesNotHaveBean(KnowledgeBaseResponder.class));
    }

    @Test
    void aHostStoreIsUsed() {
        InMemoryConversationStore hostStore = new InMemoryConversationStore(() -> UUID.randomUUID().toString(), java.time.Clock.systemUTC());
        runner.withBean("hostStore", ConversationStore.class, () -> hostStore).run(context -> {
            context.getBean(MessageManager.class).receive(InboundMessage.builder("acme", ChannelId.SMS).customerName("Ana")
                    .customerPhone("+14155550123").body("hello").build());

            assertThat(hostStore.unreadByChannel("acme")).containsEntry(ChannelId.SMS, 1L);
        });
    }

    @Test
    void aHostManagerIsKept() {
        MessageManager hostManager = MessageManager.builder().build();
        runner.withBean(MessageManager.class, () -> hostManager)
                .run(context -> assertThat(context.getBean(MessageManager.class)).isSameAs(hostManager));
    }

    @Test
    void aHostChannelReplacesTheSimulatorOfItsId() {
        runner.withBean("hostSms", Channel.class, HostSmsChannel::new).run(context -> {
            MessageManager manager = context.getBean(MessageManager.class);
            ReceiveResult received = manager.receive(InboundMessage.builder("acme", ChannelId.SMS).customerName("Ana")
                    .customerPhone("+14155550123").body("hello").build());
            manager.reply("acme", received.conversation().id(), "hi Ana", "test");
            manager.deliverDue();

            assertThat(context.getBean(HostSmsChannel.class).sends).isEqualTo(1);
            assertThat(context.getBean("messagingSmsSimulator", SimulatorChannel.class).sent()).isEmpty();
        });
    }

    @Test
    void aCustomChannelBeanIsRegistered() {
        runner.withBean("chatChannel", Channel.class, () -> new HostSmsChannel(new ChannelId("webchat")))
                .run(context -> assertThat(context.getBean(MessageManager.class).sendingChannels()).contains(new ChannelId("webchat")));
    }

    @Test
    void disablingSimulatorsLeavesNoChannels() {
        runner.withPropertyValues("messaging.simulator.enabled=false")
                .run(context -> assertThat(context.getBean(MessageManager.class).sendingChannels()).isEmpty());
    }

    @Test
    void deliveryWorkersHaveALifecycleUnlessDisabled() {
        new ApplicationContextRunner().withConfiguration(ALL).withPropertyValues("messaging.jpa.enabled=false")
                .run(context -> assertThat(context).hasSingleBean(DeliveryLifecycle.class));
        runner.run(context -> assertThat(context).doesNotHaveBean(DeliveryLifecycle.class));
    }

    @Test
    void aDataSourceBringsTheJpaStore() {
        runner.withBean(DataSource.class, AutoConfigurationTest::h2).withPropertyValues("messaging.jpa.enabled=true").run(context ->
                assertThat(context).getBean(ConversationStore.class).isInstanceOf(JpaConversationStore.class));
    }

    @Test
    void theJpaModuleWithoutADataSourceStopsTheAppNamingWhatIsMissing() {
        runner.withPropertyValues("messaging.jpa.enabled=true").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("no DataSource")
                    .hasMessageContaining("spring-boot-starter-jdbc")
                    .hasMessageContaining("messaging.jpa.enabled=false");
        });
    }

    @Test
    void theStartupReportSaysWhatTheAppRunsOn() {
        runner.withPropertyValues("messaging.ai.mode=draft", "messaging.tenants.acme.ai.mode=off").run(context ->
                assertThat(context.getBean(StartupReport.class).lines()).containsExactly(
                        "Threadline store: InMemoryConversationStore (kept in memory: lost on restart)",
                        "Threadline channels: sms (SimulatorChannel), email (SimulatorChannel)",
                        "Threadline responder: none (AI replies off)",
                        "Threadline AI mode: draft, tenant acme off"));
        runner.withBean(DataSource.class, AutoConfigurationTest::h2).withPropertyValues("messaging.jpa.enabled=true").run(context ->
                assertThat(context.getBean(StartupReport.class).lines()).first().isEqualTo("Threadline store: JpaConversationStore"));
    }

    @Test
    void jpaCanBeSwitchedOff() {
        runner.withBean(DataSource.class, AutoConfigurationTest::h2).withPropertyValues("messaging.jpa.enabled=false").run(context ->
                assertThat(context).getBean(ConversationStore.class).isInstanceOf(InMemoryConversationStore.class));
    }

    @Test
    void withoutTheJpaModuleADataSourceKeepsTheMemoryStore() {
        runner.withBean(DataSource.class, AutoConfigurationTest::h2).withClassLoader(new FilteredClassLoader(JpaConversationStore.class))
                .run(context -> assertThat(context).getBean(ConversationStore.class).isInstanceOf(InMemoryConversationStore.class));
    }

    @Test
    void twilioPropertiesReplaceTheSmsSimulator() {
        runner.withPropertyValues(twilio()).run(context -> {
            assertThat(context).hasSingleBean(TwilioChannel.class);
            assertThat(context).hasSingleBean(TwilioSignatureVerifier.class);
            assertThat(context.getBean(MessageManager.class).sendingChannels()).containsExactlyInAnyOrder(ChannelId.SMS, ChannelId.EMAIL);
        });
    }

    @Test
    void aWhatsAppNumberAddsTheWhatsAppChannel() {
        runner.withPropertyValues(twilio()).withPropertyValues("messaging.twilio.whatsapp-from-number=+14155550002")
                .run(context -> assertThat(context.getBean(MessageManager.class).sendingChannels()).contains(ChannelId.WHATSAPP));
    }

    @Test
    void anAuthTokenAloneVerifiesWebhooksWithoutAChannel() {
        runner.withPropertyValues("messaging.twilio.auth-token=token").run(context -> {
            assertThat(context).hasSingleBean(TwilioSignatureVerifier.class);
            assertThat(context).doesNotHaveBean(TwilioChannel.class);
        });
    }

    @Test
    void withoutAnAuthTokenTwilioWebhooksAreParsedButNotVerified() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(TwilioWebhookParser.class);
            assertThat(context).doesNotHaveBean(TwilioSignatureVerifier.class);
        });
    }

    @Test
    void aHostTwilioParserReplacesOurs() {
        TwilioWebhookParser hostParser = new TwilioWebhookParser();
        runner.withBean(TwilioWebhookParser.class, () -> hostParser)
                .run(context -> assertThat(context.getBean(TwilioWebhookParser.class)).isSameAs(hostParser));
    }

    @Test
    void withoutTheTwilioModuleTwilioPropertiesAreIgnored() {
        runner.withPropertyValues(twilio()).withClassLoader(new FilteredClassLoader(TwilioChannel.class))
                .run(context -> assertThat(context).doesNotHaveBean(TwilioSignatureVerifier.class));
    }

    @Test
    void withoutTheTwilioModuleThereIsNoTwilioParser() {
        runner.withClassLoader(new FilteredClassLoader(TwilioChannel.class))
                .run(context -> assertThat(context).doesNotHaveBean(TwilioWebhookParser.class));
    }

    @Test
    void sendGridPropertiesReplaceTheEmailSimulator() {
        runner.withPropertyValues("messaging.sendgrid.api-key=SG.test", "messaging.sendgrid.from-email=hello@glow.example")
                .run(context -> {
                    assertThat(context).hasSingleBean(SendGridChannel.class);
                    assertThat(context).doesNotHaveBean(SendGridEventVerifier.class);
                });
    }

    @Test
    void aWebhookKeyEnablesEventVerification() {
        String key = java.util.Base64.getEncoder().encodeToString(ecKey());
        runner.withPropertyValues("messaging.sendgrid.webhook-public-key=" + key)
                .run(context -> assertThat(context).hasSingleBean(SendGridEventVerifier.class));
    }

    @Test
    void withoutAWebhookKeySendGridEventsAreParsedButNotVerified() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(SendGridEventParser.class);
            assertThat(context).doesNotHaveBean(SendGridEventVerifier.class);
        });
    }

    @Test
    void aHostSendGridEventParserReplacesOurs() {
        SendGridEventParser hostParser = new SendGridEventParser();
        runner.withBean(SendGridEventParser.class, () -> hostParser)
                .run(context -> assertThat(context.getBean(SendGridEventParser.class)).isSameAs(hostParser));
    }

    @Test
    void anAttachmentsDirectoryWiresTheLocalAttachmentStore() {
        runner.withPropertyValues("messaging.sendgrid.attachments.directory=target/autoconfig-attachments")
                .run(context -> assertThat(context).getBean(AttachmentStore.class).isInstanceOf(LocalAttachmentStore.class));
    }

    @Test
    void withoutAnAttachmentsDirectoryInboundMailHasNoAttachmentStore() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(AttachmentStore.class);
            assertThat(context).hasSingleBean(SendGridInboundParser.class);
        });
    }

    @Test
    void aHostAttachmentStoreTakesTheAttachmentsWithinTheConfiguredLimit() {
        List<String> stored = new ArrayList<>();
        AttachmentStore hostStore = (tenant, name, type, content) -> {
            stored.add(name);
            return "memory:" + name;
        };
        String mail = """
                From: ana@example.org\r
                Message-ID: <limits@example.org>\r
                Content-Type: multipart/mixed; boundary="m"\r
                \r
                --m\r
                Content-Type: text/plain\r
                \r
                Two files.\r
                --m\r
                Content-Type: text/plain; name="small.txt"\r
                Content-Disposition: attachment; filename="small.txt"\r
                \r
                1234\r
                --m\r
                Content-Type: text/plain; name="large.txt"\r
                Content-Disposition: attachment; filename="large.txt"\r
                \r
                123456\r
                --m--\r
                """;
        runner.withBean(AttachmentStore.class, () -> hostStore)
                .withPropertyValues("messaging.sendgrid.attachments.max-size=5B")
                .run(context -> {
                    InboundMessage message = context.getBean(SendGridInboundParser.class).parse("acme", Map.of("email", mail));

                    assertThat(stored).containsExactly("small.txt");
                    assertThat(message.mediaUrls()).containsExactly("memory:small.txt");
                });
    }

    @Test
    void withoutTheSendGridModuleSendGridPropertiesAreIgnored() {
        runner.withPropertyValues("messaging.sendgrid.api-key=SG.test", "messaging.sendgrid.from-email=hello@glow.example")
                .withClassLoader(new FilteredClassLoader(SendGridChannel.class))
                .run(context -> assertThat(context.getBeansOfType(SimulatorChannel.class)).hasSize(2));
    }

    @Test
    void anOpenAiKeyBringsResponderScorerAndSummarizer() {
        runner.withPropertyValues("messaging.openai.api-key=sk-test", "messaging.openai.base-url=http://127.0.0.1:9/v1")
                .withBean(KnowledgeBase.class, AutoConfigurationTest::knowledgeBase)
                .run(context -> {
                    assertThat(context).getBean(AiResponder.class).isInstanceOf(OpenAiResponder.class);
                    assertThat(context).hasSingleBean(OpenAiSatisfactionScorer.class);
                    assertThat(context).hasSingleBean(OpenAiSummarizer.class);
                });
    }

    @Test
    void theOpenAiKeyEnvironmentVariableCounts() {
        runner.withPropertyValues("OPENAI_API_KEY=sk-env", "messaging.openai.base-url=http://127.0.0.1:9/v1")
                .run(context -> assertThat(context).hasSingleBean(OpenAiResponder.class));
    }

    @Test
    void withoutAnOpenAiKeyThereIsNoOpenAi() {
        runner.run(context -> assertThat(context).doesNotHaveBean(OpenAiResponder.class));
    }

    @Test
    void withoutTheOpenAiModuleTheKeyIsIgnored() {
        runner.withPropertyValues("messaging.openai.api-key=sk-test").withClassLoader(new FilteredClassLoader(OpenAiResponder.class))
                .run(context -> assertThat(context).doesNotHaveBean(AiResponder.class));
    }

    @Test
    void unavailableOpenAiFallsBackToTheKnowledgeBase() {
        KnowledgeBase kb = new KnowledgeBase("Glow", List.of("Mon–Fri 9–6"),
                List.of(new KnowledgeBase.Service("Botox", "$12 per unit", "30 minutes", "Smooths lines.", List.of())), List.of(), List.of());
        runner.withPropertyValues("messaging.openai.api-key=sk-test", "messaging.openai.base-url=http://127.0.0.1:9/v1",
                        "messaging.openai.max-retries=0")
                .withBean(KnowledgeBase.class, () -> kb)
                .run(context -> {
                    ReceiveResult result = context.getBean(MessageManager.class).receive(InboundMessage.builder("t", ChannelId.SMS)
                            .customerName("Ana").customerPhone("+15551234567").body("How much is Botox?").build());
                    assertThat(result.aiReply().body()).contains("$12 per unit");
                    assertThat(result.aiReply().metadata()).containsEntry(Message.META_AI_FALLBACK, "true");
                    assertThat(result.aiError()).as("the outage stays visible").isNotNull();
                    assertThat(result.aiError().code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
                });
    }

    @Test
    void consentAndLoopGuardPropertiesReachTheManager() {
        runner.withPropertyValues("messaging.consent.opt-out-keywords=ALTO,Parar", "messaging.consent.stop-requests=hold-for-staff",
                        "messaging.ai-loop-guard.max-replies=1", "messaging.ai-loop-guard.window=2h")
                .withBean(KnowledgeBase.class, AutoConfigurationTest::knowledgeBase)
                .run(context -> {
                    MessageManager manager = context.getBean(MessageManager.class);
                    ReceiveResult alto = manager.receive(InboundMessage.builder("t", ChannelId.SMS)
                            .customerName("Ana").customerPhone("+15551230001").body("Alto.").build());
                    assertThat(manager.getConversation("t", alto.conversation().id()).contact().isOptedOut(ChannelId.SMS)).isTrue();

                    ReceiveResult request = manager.receive(InboundMessage.builder("t", ChannelId.SMS)
                            .customerName("Bo").customerPhone("+15551230002").body("please stop texting me").build());
                    assertThat(request.aiReply()).isNull();
                    assertThat(manager.getConversation("t", request.conversation().id()).contact().isOptedOut(ChannelId.SMS))
                            .as("held for staff to confirm").isFalse();

                    String driving = "I'm driving, I'll text you back";
                    InboundMessage.Builder cy = InboundMessage.builder("t", ChannelId.SMS).customerName("Cy").customerPhone("+15551230003");
                    assertThat(manager.receive(cy.body(driving).build()).aiReply()).isNotNull();
                    assertThat(manager.receive(cy.body(driving).build()).aiReply()).as("a reply to the repeat, over the limit of 1").isNull();
                });
    }

    @Test
    void offlineFallbackCanBeSwitchedOff() {
        KnowledgeBase kb = new KnowledgeBase("Glow", List.of(), List.of(), List.of(), List.of());
        runner.withPropertyValues("messaging.openai.api-key=sk-test", "messaging.openai.base-url=http://127.0.0.1:9/v1",
                        "messaging.openai.max-retries=0", "messaging.openai.offline-fallback=false")
                .withBean(KnowledgeBase.class, () -> kb)
                .run(context -> {
                    ReceiveResult result = context.getBean(MessageManager.class).receive(InboundMessage.builder("t", ChannelId.SMS)
                            .customerName("Ana").customerPhone("+15551234567").body("How much is Botox?").build());
                    assertThat(result.aiReply()).isNull();
                    assertThat(result.aiError().code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
                });
    }

    @Test
    void aHostResponderBeatsOpenAi() {
        runner.withPropertyValues("messaging.openai.api-key=sk-test")
                .withBean(AiResponder.class, () -> request -> new AiReply("host reply"))
                .run(context -> assertThat(context).doesNotHaveBean(OpenAiResponder.class));
    }

    @Test
    void theHttpApiNeedsAServletWebApplication() {
        runner.run(context -> assertThat(context).doesNotHaveBean(ApiExceptionResolver.class));
        new WebApplicationContextRunner().withConfiguration(ALL).withPropertyValues("messaging.delivery.enabled=false", "messaging.jpa.enabled=false")
                .run(context -> assertThat(context).hasSingleBean(ApiExceptionResolver.class));
    }

    @Test
    void aBasePathEndingInASlashFailsStartup() {
        new WebApplicationContextRunner().withConfiguration(ALL)
                .withPropertyValues("messaging.delivery.enabled=false", "messaging.jpa.enabled=false", "messaging.api.base-path=/api/messaging/")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void theHttpApiCanBeSwitchedOff() {
        new WebApplicationContextRunner().withConfiguration(ALL)
                .withPropertyValues("messaging.delivery.enabled=false", "messaging.jpa.enabled=false", "messaging.api.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ApiExceptionResolver.class));
    }

    @Test
    void aMeterRegistryBringsTheMetrics() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> assertThat(context).hasSingleBean(MessagingMetrics.class));
    }

    @Test
    void withoutMicrometerThereAreNoMetrics() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MessagingMetrics.class));
    }

    @Test
    void healthSupportBringsTheHealthIndicator() {
        runner.run(context -> assertThat(context).hasSingleBean(MessagingHealthIndicator.class));
    }

    @Test
    void withoutHealthSupportThereIsNoIndicator() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MessagingHealthIndicator.class));
    }

    @Test
    void withSpringAiTheStoreIsTheChatMemoryRepository() {
        runner.run(context -> assertThat(context).getBean(ChatMemoryRepository.class).isInstanceOf(ThreadlineChatMemoryRepository.class));
    }

    @Test
    void theChatMemoryAdapterCanBeSwitchedOff() {
        runner.withPropertyValues("messaging.spring-ai.chat-memory=false")
                .run(context -> assertThat(context).doesNotHaveBean(ChatMemoryRepository.class));
    }

    @Test
    void withoutSpringAiThereIsNoAdapter() {
        runner.withClassLoader(new FilteredClassLoader(ChatMemoryRepository.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ThreadlineChatMemoryRepository.class));
    }

    @Test
    void twilioPacingPropertiesReachTheChannels() {
        runner.withPropertyValues(twilio())
                .withPropertyValues("messaging.twilio.whatsapp-from-number=+14155550002",
                        "messaging.twilio.pacing.default-segments-per-second=2",
                        "messaging.twilio.pacing.segments-per-second.[+18005550100]=10",
                        "messaging.twilio.pacing.max-wait=5s")
                .run(context -> assertThat(context.getBeansOfType(TwilioChannel.class).values()).hasSize(2).allSatisfy(channel -> {
                    assertThat(channel.pacing().segmentsPerSecond("+18005550100")).isEqualTo(10.0);
                    assertThat(channel.pacing().segmentsPerSecond("+14155550001")).isEqualTo(2.0);
                    assertThat(channel.pacing().maxWait()).isEqualTo(Duration.ofSeconds(5));
                }));
    }

    @Test
    void twilioPacingDefaultsToOneSegmentPerSecondForEveryNumber() {
        runner.withPropertyValues(twilio())
                .run(context -> assertThat(context.getBean(TwilioChannel.class).pacing()).isEqualTo(TwilioPacing.LONG_CODE));
    }

    @Test
    void twilioTimeoutsDefaultToTheTwilioModulesOwn() {
        runner.withPropertyValues(twilio()).run(context -> assertThat(context.getBean(TwilioSettings.class))
                .extracting(TwilioSettings::connectTimeout, TwilioSettings::readTimeout)
                .containsExactly(TwilioSettings.DEFAULT_CONNECT_TIMEOUT, TwilioSettings.DEFAULT_READ_TIMEOUT));
    }

    private static String[] twilio() {
        return new String[] {"messaging.twilio.account-sid=AC" + "1".repeat(32), "messaging.twilio.auth-token=token",
                "messaging.twilio.from-number=+14155550001"};
    }

    static KnowledgeBase knowledgeBase() {
        return new KnowledgeBase("Glow Med Spa", List.of("Mon-Fri 9am-6pm"),
                List.of(new KnowledgeBase.Service("Botox", "$12 per unit", "30 minutes", "Smooths fine lines.", List.of())),
                List.of(), List.of());
    }

    private static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    private static byte[] ecKey() {
        try {
            var generator = java.security.KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair().getPublic().getEncoded();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A host's own channel that counts its sends. */
    static final class HostSmsChannel implements Channel {
        private final ChannelId id;
        int sends;

        HostSmsChannel() {
            this(ChannelId.SMS);
        }

        HostSmsChannel(ChannelId id) {
            this.id = id;
        }

        @Override
        public ChannelId id() {
            return id;
        }

        @Override
        public ChannelCapabilities capabilities() {
            return ChannelCapabilities.SMS;
        }

        @Override
        public SendResult send(dev.threadline.messaging.spi.OutboundDelivery delivery) {
            sends++;
            return SendResult.sent("HOST" + sends);
        }
    }
}

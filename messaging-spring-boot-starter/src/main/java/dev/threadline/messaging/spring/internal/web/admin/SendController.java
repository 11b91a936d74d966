package dev.threadline.messaging.spring.internal.web.admin;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.ReceiveResult;
import dev.threadline.messaging.Workspace;
import dev.threadline.messaging.spring.internal.web.support.Caller;
import dev.threadline.messaging.spring.internal.web.support.Json;
import dev.threadline.messaging.spring.internal.web.support.JsonObject;
import dev.threadline.messaging.spring.internal.web.support.RateLimiter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /send} (a simulated inbound message) and {@code POST /generate-response}. */
@RestController
@RequestMapping("${messaging.api.base-path:/api/admin/messaging}")
public final class SendController {

    private final MessageManager manager;
    private final RateLimiter rateLimiter;

    SendController(MessageManager manager, RateLimiter rateLimiter) {
        this.manager = manager;
        this.rateLimiter = rateLimiter;
    }

    @PostMapping("/send")
    ResponseEntity<byte[]> send(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                @RequestHeader(value = "Content-Type", required = false) @Nullable String contentType,
                                @RequestBody(required = false) byte @Nullable [] body) throws HttpMediaTypeNotSupportedException {
        JsonObject json = Json.object(contentType, body);
        Workspace workspace = manager.workspace(caller.actor());
        InboundMessage inbound = inbound(workspace, json);
        rateLimiter.acquire(caller.tenantId());
        ReceiveResult result = workspace.receive(inbound);
        return Json.response(HttpStatus.CREATED, Views.SendResponse.of(result.conversation().id(), result.message().id(),
                result.aiReply(), result.aiError()));
    }

    private static InboundMessage inbound(Workspace workspace, JsonObject json) {
        String tenantId = workspace.actor().tenantId();
        String content = json.requiredString("content");
        String conversationId = json.optionalNonBlankString("conversation_id");
        String channelName = json.string("channel");
        Boolean generate = json.bool("generate_ai_response");
        String subject = json.string("subject");
        if (conversationId != null) {
            // The customer's name and addresses come from the conversation; another tenant's id is a 404.
            Conversation conversation = workspace.getConversation(conversationId, 1, null).conversation();
            ChannelId channel = channelName == null ? conversation.channel() : ChannelId.of(channelName);
            return InboundMessage.builder(tenantId, channel)
                    .conversationId(conversation.id())
                    .customerName(conversation.customerName())
                    .customerPhone(conversation.customerPhone())
                    .customerEmail(conversation.customerEmail())
                    .ourAddress(conversation.ourAddress())
                    .subject(channel.equals(ChannelId.EMAIL) ? subject : null)
                    .body(content)
                    .generateAiReply(!Boolean.FALSE.equals(generate))
                    .build();
        }
        if (channelName == null || channelName.isBlank()) {
            throw NonRetriableMessagingException.validation("channel", "channel is required");
        }
        ChannelId channel = ChannelId.of(channelName);
        if (channel.equals(ChannelId.VOICE)) {
            // Nothing can send on voice: a reply would wait as a draft forever. Calls come in as transcripts.
            throw NonRetriableMessagingException.validation("channel",
                    "voice calls are recorded as transcripts (MessageManager.recordVoiceTranscript), not sent");
        }
        return InboundMessage.builder(tenantId, channel)
                .customerName(json.requiredString("customer_name"))
                .customerPhone(json.string("customer_phone"))
                .customerEmail(json.string("customer_email"))
                .subject(channel.equals(ChannelId.EMAIL) ? subject : null)
                .inboxId(json.optionalNonBlankString("inbox_id"))
                .body(content)
                .generateAiReply(!Boolean.FALSE.equals(generate))
                .build();
    }

    @PostMapping("/generate-response")
    ResponseEntity<byte[]> generate(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                    @RequestHeader(value = "Content-Type", required = false) @Nullable String contentType,
                                    @RequestBody(required = false) byte @Nullable [] body) throws HttpMediaTypeNotSupportedException {
        JsonObject json = Json.object(contentType, body);
        String conversationId = json.requiredString("conversation_id");
        boolean followUp = Boolean.TRUE.equals(json.bool("follow_up"));
        rateLimiter.acquire(caller.tenantId());
        Workspace workspace = manager.workspace(caller.actor());
        Message reply = followUp ? workspace.generateFollowUp(conversationId) : workspace.generateReply(conversationId);
        return Json.response(HttpStatus.OK, Views.AiResponse.of(reply));
    }
}

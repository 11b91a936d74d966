package dev.threadline.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.simulator.SimulatorChannel;
import dev.threadline.messaging.spi.AiReply;
import dev.threadline.messaging.spi.AiTool;
import dev.threadline.messaging.spi.ToolRunner.ToolResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** How the manager runs host tools for a responder: recording, validation, timeouts and idempotency. */
class ToolCallTest {

    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"slot\":{\"type\":\"string\"}}}";

    private final AtomicInteger bookings = new AtomicInteger();
    private final List<ToolResult> results = new CopyOnWriteArrayList<>();

    private final AiTool book = new AiTool("book_appointment", "Books a slot", SCHEMA, true, invocation -> {
        bookings.incrementAndGet();
        return "{\"booked\":\"" + invocation.arguments().get("slot").asText() + "\",\"key\":\"" + invocation.idempotencyKey() + "\"}";
    });
    private final AiTool failing = new AiTool("lookup", "Fails", SCHEMA, false, invocation -> {
        throw new IllegalStateException("calendar offline");
    });
    private final AiTool slow = new AiTool("slow", "Sleeps", SCHEMA, false, invocation -> {
        Thread.sleep(5_000);
        return "late";
    });

    /** A manager whose responder makes one tool call chosen by {@code call} and echoes its result. */
    private MessageManager managerCalling(Function<dev.threadline.messaging.spi.ToolRunner, ToolResult> call) {
        return MessageManager.builder()
                .channel(new SimulatorChannel(ChannelId.SMS))
                .tools(List.of(book, failing, slow))
                .toolTimeout(Duration.ofMillis(200))
                .responder(request -> {
                    ToolResult result = call.apply(request.toolRunner());
                    results.add(result);
                    return new AiReply("done: " + result.content());
                })
                .build();
    }

    private ReceiveResult receive(MessageManager manager, String body) {
        return manager.receive(InboundMessage.builder("t", ChannelId.SMS).customerName("Ana").customerPhone("+15551234567").body(body).build());
    }

    @Test
    void everyCallIsRecordedWithItsResult() {
        try (MessageManager manager = managerCalling(r -> r.run("call-1", "book_appointment", "{\"slot\":\"tue-10\"}"))) {
            ReceiveResult result = receive(manager, "Book me Tuesday 10am");

            assertThat(manager.events("t", result.conversation().id()))
                    .filteredOn(e -> e.type().equals(ConversationEvent.TOOL_CALL))
                    .singleElement()
                    .satisfies(e -> assertThat(e.data())
                            .containsEntry("call_id", "call-1")
                            .containsEntry("tool", "book_appointment")
                            .containsEntry("arguments", "{\"slot\":\"tue-10\"}")
                            .containsEntry("replayed", false)
                            .hasEntrySatisfying("result", r -> assertThat((String) r).contains("tue-10")));
        }
    }

    @Test
    void repeatedSideEffectingCallActsOnceAndReplaysTheFirstResult() {
        try (MessageManager manager = managerCalling(r -> r.run("call-" + System.nanoTime(), "book_appointment", "{ \"slot\" : \"tue-10\" }"))) {
            receive(manager, "Book me Tuesday 10am");
            receive(manager, "Yes, book it!");

            assertThat(bookings).hasValue(1);
            assertThat(results).hasSize(2);
            assertThat(results.get(1).content()).isEqualTo(results.get(0).content());
            assertThat(results.get(1).error()).isFalse();
        }
    }

    @Test
    void argumentOrderDoesNotChangeTheIdempotencyKey() {
        AtomicInteger call = new AtomicInteger();
        try (MessageManager manager = managerCalling(r -> r.run("c" + call.get(), "book_appointment",
                call.getAndIncrement() == 0 ? "{\"slot\":\"tue-10\",\"name\":\"Ana\"}" : "{\"name\":\"Ana\",\"slot\":\"tue-10\"}"))) {
            receive(manager, "Book me");
            receive(manager, "Book me again");

            assertThat(bookings).hasValue(1);
        }
    }

    @Test
    void unknownToolIsReportedToTheModel() {
        try (MessageManager manager = managerCalling(r -> r.run("c1", "delete_everything", "{}"))) {
            receive(manager, "Hi");

            assertThat(results).singleElement().satisfies(r -> {
                assertThat(r.error()).isTrue();
                assertThat(r.content()).contains("unknown tool");
            });
        }
    }

    @Test
    void malformedArgumentsAreReportedWithoutRunningTheTool() {
        try (MessageManager manager = managerCalling(r -> r.run("c1", "book_appointment", "{\"slot\": tue"))) {
            receive(manager, "Hi");

            assertThat(bookings).hasValue(0);
            assertThat(results).singleElement().satisfies(r -> {
                assertThat(r.error()).isTrue();
                assertThat(r.content()).contains("malformed arguments");
            });
        }
    }

    @Test
    void toolFailureIsReportedWithItsReason() {
        try (MessageManager manager = managerCalling(r -> r.run("c1", "lookup", "{}"))) {
            receive(manager, "Hi");

            assertThat(results).singleElement().satisfies(r -> {
                assertThat(r.error()).isTrue();
                assertThat(r.content()).isEqualTo("tool failed: calendar offline");
            });
        }
    }

    @Test
    void slowToolTimesOut() {
        try (MessageManager manager = managerCalling(r -> r.run("c1", "slow", "{}"))) {
            receive(manager, "Hi");

            assertThat(results).singleElement().satisfies(r -> {
                assertThat(r.error()).isTrue();
                assertThat(r.content()).contains("timed out after 200 ms");
            });
        }
    }
}

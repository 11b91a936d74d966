package dev.threadline.messaging.internal.engine;

import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.spi.AiRequest;
import dev.threadline.messaging.spi.AiTool;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spi.IdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The host's tools as the responder sees them: their earlier calls in the conversation and a runner that records new ones. */
final class Tools implements AutoCloseable {

    private final List<AiTool> tools;
    private final ConversationStore store;
    private final IdGenerator ids;
    private final Clock clock;
    private final Duration timeout;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "threadline-tool");
        t.setDaemon(true);
        return t;
    });

    Tools(List<AiTool> tools, ConversationStore store, IdGenerator ids, Clock clock, Duration timeout) {
        this.tools = List.copyOf(tools);
        this.store = store;
        this.ids = ids;
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * What the responder gets to answer {@code history}: the tools, the calls made since its oldest message, and a runner
     * for more.
     */
    AiRequest request(Conversation conversation, List<Message> history) {
        // Only the calls within the history window matter to the responder; without tools there are none to read.
        List<ConversationEvent> toolCalls = tools.isEmpty() || history.isEmpty() ? List.of()
                : store.events(conversation.tenantId(), conversation.id(), ConversationEvent.TOOL_CALL, history.get(0).createdAt());
        return new AiRequest(conversation, history, toolCalls, tools,
                new RecordingToolRunner(conversation, tools, store, ids, clock, executor, timeout));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

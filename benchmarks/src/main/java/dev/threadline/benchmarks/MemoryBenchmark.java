package dev.threadline.benchmarks;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.MessageManager;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Item 6, first half: the heap a conversation of ten messages takes in the default in-memory store
 * (contact, conversation, messages and the store's indexes), from the live heap after full
 * collections before and after filling it through {@link MessageManager#receive}.
 */
final class MemoryBenchmark {

    private static final int CONVERSATIONS = 10_000;
    private static final int MESSAGES = 10;

    private final Report report;

    MemoryBenchmark(Report report) {
        this.report = report;
    }

    void run() throws Exception {
        System.out.println("Memory");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = liveHeap(memory);
        MessageManager manager = MessageManager.builder().build();
        for (int c = 0; c < CONVERSATIONS; c++) {
            String phone = String.format("+1555%07d", 3_000_000 + c);
            for (int m = 0; m < MESSAGES; m++) {
                manager.receive(InboundMessage.builder("memory", ChannelId.SMS).customerName("Customer " + c).customerPhone(phone)
                        .ourAddress(ListSeed.OUR_NUMBER).body("Message " + m + ": can I book a hydrafacial on Friday at 4pm?")
                        .providerMessageId("SM" + c + "-" + m).generateAiReply(false).build());
            }
        }
        long after = liveHeap(memory);
        long perConversation = (after - before) / CONVERSATIONS;
        report.info("6. heap per conversation of 10 messages (InMemoryConversationStore, " + String.format("%,d", CONVERSATIONS)
                + " conversations)", String.format("%,d B", perConversation), "—", "—");
        manager.close();
    }

    private static long liveHeap(MemoryMXBean memory) throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}

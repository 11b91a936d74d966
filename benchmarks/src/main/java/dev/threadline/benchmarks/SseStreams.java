package dev.threadline.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.ObjLongConsumer;

/**
 * Many SSE streams read by one thread over non-blocking sockets, so that a thousand subscribers cost the harness little
 * CPU beside the app on the same cores: it splits the bytes into lines and hands each {@code data:} line of a
 * {@code message.created} event to a consumer with the time it was read, decoding nothing else.
 */
final class SseStreams implements AutoCloseable {

    private static final byte[] CREATED = "message.created".getBytes(StandardCharsets.US_ASCII);

    private final Selector selector = Selector.open();
    private final List<SocketChannel> channels = new ArrayList<>();
    private final CountDownLatch connected;
    private final ObjLongConsumer<String> createdData;
    private final Thread reader;
    private volatile boolean closing;

    /**
     * Opens {@code count} streams with {@code request} (a whole HTTP/1.1 request) to {@code port} on loopback, and reads
     * them until closed; {@link #awaitConnected} waits for each to receive its first bytes.
     */
    SseStreams(int port, String request, int count, ObjLongConsumer<String> createdData) throws IOException {
        this.connected = new CountDownLatch(count);
        this.createdData = createdData;
        byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < count; i++) {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            channel.write(ByteBuffer.wrap(bytes));
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ, new Stream());
            channels.add(channel);
        }
        reader = new Thread(this::read, "sse-streams");
        reader.setDaemon(true); // a run that failed midway must not keep the harness alive
        reader.start();
    }

    boolean awaitConnected(long timeout, TimeUnit unit) throws InterruptedException {
        return connected.await(timeout, unit);
    }

    private void read() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        try {
            while (!closing) {
                selector.select(200);
                long at = System.nanoTime();
                for (SelectionKey key : selector.selectedKeys()) {
                    buffer.clear();
                    if (((SocketChannel) key.channel()).read(buffer) < 0) {
                        key.cancel();
                        continue;
                    }
                    buffer.flip();
                    ((Stream) key.attachment()).take(buffer, at);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            if (!closing) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** One stream's unfinished line between reads. */
    private final class Stream {
        private final byte[] line = new byte[4096];
        private int length;
        private boolean counted;

        void take(ByteBuffer bytes, long at) {
            if (!counted && bytes.hasRemaining()) {
                counted = true;
                connected.countDown();
            }
            while (bytes.hasRemaining()) {
                byte b = bytes.get();
                if (b == '\n') {
                    if (isCreatedData()) {
                        createdData.accept(new String(line, 0, length, StandardCharsets.UTF_8), at);
                    }
                    length = 0;
                } else if (length < line.length) {
                    line[length++] = b;
                }
            }
        }

        private boolean isCreatedData() {
            if (length < 5 || line[0] != 'd' || line[1] != 'a' || line[2] != 't' || line[3] != 'a' || line[4] != ':') {
                return false;
            }
            outer:
            for (int i = 5; i + CREATED.length <= length; i++) {
                for (int j = 0; j < CREATED.length; j++) {
                    if (line[i + j] != CREATED[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        closing = true;
        selector.wakeup();
        reader.join();
        for (SocketChannel channel : channels) {
            channel.close();
        }
        selector.close();
    }
}

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
import org.jspecify.annotations.Nullable;

/**
 * Many SSE streams read by one thread over non-blocking sockets, so that a thousand subscribers cost the harness little
 * CPU beside the app on the same cores: it splits the bytes into lines and hands the message id of each
 * {@code message.created} event to a consumer with the time it was read, decoding nothing else.
 */
final class SseStreams implements AutoCloseable {

    private static final byte[] CREATED = "\"type\":\"message.created\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MESSAGE_ID = "\"message_id\":\"".getBytes(StandardCharsets.US_ASCII);

    private final Selector selector = Selector.open();
    private final List<SocketChannel> channels = new ArrayList<>();
    private final CountDownLatch connected;
    private final ObjLongConsumer<String> createdIds;
    private final Thread reader;
    private volatile boolean closing;
    /** Why the reader stopped early, if it did: a run whose streams stopped being read must not pass for a slow app. */
    private volatile @Nullable RuntimeException failure;

    /**
     * Opens {@code count} streams with {@code request} (a whole HTTP/1.1 request) to {@code port} on loopback, and reads
     * them until closed; {@link #awaitConnected} waits for each to receive its first bytes.
     */
    SseStreams(int port, String request, int count, ObjLongConsumer<String> createdIds) throws IOException {
        this.connected = new CountDownLatch(count);
        this.createdIds = createdIds;
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
        boolean all = connected.await(timeout, unit);
        if (failure != null) {
            throw new IllegalStateException("the streams' reader failed", failure);
        }
        return all;
    }

    /** Streams that received their first bytes. */
    long connectedCount() {
        return channels.size() - connected.getCount();
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
                failure = new IllegalStateException(e);
            }
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /**
     * One stream's decoding state between reads: the response head, then the chunked body (a write the app split
     * into several chunks puts a chunk-size line in the middle of an event's line, so the chunks are joined first),
     * then the SSE lines.
     */
    private final class Stream {
        /** The SSE line being read; a chunk may end in its middle. */
        private final byte[] line = new byte[4096];
        private int length;
        /** A header or chunk-size line being read. */
        private final StringBuilder control = new StringBuilder();
        private boolean counted;
        private boolean inBody;
        /** Data bytes left in the current chunk; 0 while reading a chunk-size line, -1 while skipping the CRLF after data. */
        private long chunkLeft;

        void take(ByteBuffer bytes, long at) {
            if (!counted && bytes.hasRemaining()) {
                counted = true;
                connected.countDown();
            }
            while (bytes.hasRemaining()) {
                byte b = bytes.get();
                if (!inBody) {
                    head(b);
                } else if (chunkLeft > 0) {
                    chunkLeft--;
                    if (chunkLeft == 0) {
                        chunkLeft = -1;
                    }
                    body(b, at);
                } else if (chunkLeft < 0) {
                    if (b == '\n') {
                        chunkLeft = 0;
                    }
                } else {
                    chunkSize(b);
                }
            }
        }

        private void head(byte b) {
            String header = controlLine(b);
            if (header == null) {
                return;
            }
            if (header.isEmpty()) {
                inBody = true;
            } else if (header.regionMatches(true, 0, "transfer-encoding:", 0, 18) && !header.toLowerCase().contains("chunked")) {
                throw new IllegalStateException("expected a chunked event stream: " + header);
            }
        }

        private void chunkSize(byte b) {
            String size = controlLine(b);
            if (size == null) {
                return;
            }
            int extension = size.indexOf(';');
            chunkLeft = Long.parseLong(extension < 0 ? size : size.substring(0, extension), 16);
            if (chunkLeft == 0) {
                chunkLeft = -1; // the last chunk: nothing more comes before the connection closes
            }
        }

        /** Adds {@code b} to the header or chunk-size line; answers the line, stripped, once {@code b} ends it. */
        private @Nullable String controlLine(byte b) {
            if (b != '\n') {
                control.append((char) b);
                return null;
            }
            String line = control.toString().strip();
            control.setLength(0);
            return line;
        }

        private void body(byte b, long at) {
            if (b == '\n') {
                int id = isData() && indexOf(CREATED, 5) >= 0 ? indexOf(MESSAGE_ID, 5) : -1;
                if (id >= 0) {
                    int start = id + MESSAGE_ID.length;
                    int end = start;
                    while (end < length && line[end] != '"') {
                        end++;
                    }
                    createdIds.accept(new String(line, start, end - start, StandardCharsets.US_ASCII), at);
                }
                length = 0;
            } else if (length < line.length) {
                line[length++] = b;
            }
        }

        private boolean isData() {
            return length >= 5 && line[0] == 'd' && line[1] == 'a' && line[2] == 't' && line[3] == 'a' && line[4] == ':';
        }

        /** Where {@code part} starts in the line at or after {@code from}, or -1. */
        private int indexOf(byte[] part, int from) {
            outer:
            for (int i = from; i + part.length <= length; i++) {
                for (int j = 0; j < part.length; j++) {
                    if (line[i + j] != part[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
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
        if (failure != null) {
            throw new IllegalStateException("the streams' reader failed", failure);
        }
    }
}

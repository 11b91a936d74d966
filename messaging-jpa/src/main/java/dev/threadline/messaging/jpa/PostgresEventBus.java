package dev.threadline.messaging.jpa;

import dev.threadline.messaging.MessagingEvent;
import dev.threadline.messaging.jpa.internal.EventPayloads;
import dev.threadline.messaging.jpa.internal.NotifySender;
import dev.threadline.messaging.spi.MessagingEventBus;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events across app instances over PostgreSQL {@code LISTEN/NOTIFY}. A published event reaches this
 * instance's subscribers at once, on the publishing thread, and every other instance's subscribers
 * through a notification: a small JSON payload of ids (type, tenant, conversation, message, status),
 * so subscribers look the rows up by id.
 *
 * <p>Notifications leave from a background thread, those published within a few milliseconds in one
 * transaction and in publishing order: PostgreSQL serializes the commits of transactions that notified,
 * so a commit per event on the publishing threads would make every writer wait for every other. Within
 * one such transaction PostgreSQL delivers identical notifications once, so two equal events published
 * in quick succession may reach other instances as one.
 *
 * <p>One connection of the DataSource is held for listening, on a daemon thread that reconnects after a
 * failure. Notifications sent while it is reconnecting are lost (PostgreSQL does not keep them), so
 * treat events as hints to refresh, not as a log. Close the bus to stop listening.
 *
 * <pre>{@code
 * PostgresEventBus events = PostgresEventBus.builder().dataSource(pool).build();
 * MessageManager manager = MessageManager.builder().store(store).eventBus(events).build();
 * }</pre>
 */
public final class PostgresEventBus implements MessagingEventBus, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresEventBus.class);
    private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final DataSource dataSource;
    private final String channel;
    private final Duration pollInterval;
    private final Duration reconnectDelay;
    private final String origin = UUID.randomUUID().toString();
    private final CopyOnWriteArrayList<Consumer<MessagingEvent>> listeners = new CopyOnWriteArrayList<>();
    private final NotifySender notifications;
    private final Thread listener;
    private volatile boolean running = true;
    private volatile @Nullable Connection listenConnection;

    private PostgresEventBus(Builder b) {
        this.dataSource = b.dataSource;
        this.channel = b.channel;
        this.pollInterval = b.pollInterval;
        this.reconnectDelay = b.reconnectDelay;
        this.listenConnection = listen();
        this.notifications = new NotifySender(dataSource, channel);
        this.listener = new Thread(this::listenLoop, "threadline-events-" + channel);
        listener.setDaemon(true);
        listener.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void publish(MessagingEvent event) {
        deliver(event);
        try {
            notifications.send(EventPayloads.write(origin, event));
        } catch (RuntimeException e) {
            log.warn("Cannot publish {} to other instances on {}; local subscribers still get it", event.type(), channel, e);
        }
    }

    @Override
    public Subscription subscribe(Consumer<MessagingEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void deliver(MessagingEvent event) {
        for (Consumer<MessagingEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                log.warn("Event listener failed on {} for conversation {}", event.type(), event.conversationId(), e);
            }
        }
    }

    /** Opens a connection and starts listening; the bus fails to build when PostgreSQL is unreachable. */
    private Connection listen() {
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + channel);
            }
            connection.unwrap(PGConnection.class); // fails early when the DataSource is not PostgreSQL
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot LISTEN on " + channel, e);
        }
    }

    private void listenLoop() {
        boolean failing = false;
        while (running) {
            try {
                Connection connection = listenConnection != null ? listenConnection : (listenConnection = listen());
                PGNotification[] notifications = connection.unwrap(PGConnection.class)
                        .getNotifications(Math.toIntExact(pollInterval.toMillis()));
                if (failing) {
                    log.info("Listening on {} again", channel);
                    failing = false;
                }
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        receive(notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!failing) {
                    log.warn("Lost the LISTEN connection on {}; reconnecting", channel, e);
                    failing = true;
                }
                closeQuietly();
                pause();
            }
        }
    }

    private void receive(String payload) {
        EventPayloads.Received received;
        try {
            received = EventPayloads.read(payload);
        } catch (RuntimeException e) {
            log.warn("Ignoring a malformed notification on {}", channel);
            return;
        }
        if (!origin.equals(received.origin())) {
            deliver(received.event());
        }
    }

    private void pause() {
        try {
            Thread.sleep(reconnectDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void closeQuietly() {
        Connection connection = listenConnection;
        listenConnection = null;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Closing the LISTEN connection failed", e);
            }
        }
    }

    /** Sends the notifications still queued (for up to 5 s), stops listening and returns the connection to the DataSource. */
    @Override
    public void close() {
        notifications.close();
        running = false;
        try {
            listener.join(pollInterval.toMillis() + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly();
    }

    /** Builds a {@link PostgresEventBus}; only the DataSource is required. */
    public static final class Builder {
        private @Nullable DataSource dataSource;
        private String channel = "threadline_events";
        private Duration pollInterval = Duration.ofMillis(500);
        private Duration reconnectDelay = Duration.ofSeconds(1);

        private Builder() {
        }

        /** A PostgreSQL DataSource; one of its connections is held for listening while the bus is open. */
        public Builder dataSource(DataSource value) {
            this.dataSource = Objects.requireNonNull(value, "dataSource");
            return this;
        }

        /** The notification channel every instance of one deployment shares. Default {@code threadline_events}. */
        public Builder channel(String value) {
            if (!CHANNEL_NAME.matcher(value).matches()) {
                throw new IllegalArgumentException("channel must be a lower-case SQL identifier: " + value);
            }
            this.channel = value;
            return this;
        }

        /** How long the listener waits for notifications per round; bounds how fast {@link #close()} returns. Default 500 ms. */
        public Builder pollInterval(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("pollInterval must be positive");
            }
            this.pollInterval = value;
            return this;
        }

        /** The wait before reconnecting a lost LISTEN connection. Default 1 s. */
        public Builder reconnectDelay(Duration value) {
            this.reconnectDelay = Objects.requireNonNull(value, "reconnectDelay");
            return this;
        }

        /**
         * Connects, starts listening and returns the bus.
         *
         * @throws IllegalStateException when no DataSource was set or PostgreSQL cannot be reached
         */
        public PostgresEventBus build() {
            if (dataSource == null) {
                throw new IllegalStateException("dataSource is required");
            }
            return new PostgresEventBus(this);
        }
    }
}

package dev.threadline.examples.console.booking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.threadline.messaging.Author;
import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.spi.AiReply;
import dev.threadline.messaging.spi.AiRequest;
import dev.threadline.messaging.spi.AiResponder;
import dev.threadline.messaging.spi.ToolRunner;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Finishes a booking with no AI provider: when the last tool call of a conversation offered times
 * ({@value BookingTools#CHECK_AVAILABILITY}) and the customer's reply picks one of them, it calls
 * {@value BookingTools#BOOK_APPOINTMENT} and confirms. A reply whose weekday and date disagree gets a
 * question back instead of a booking. Everything else goes to the responder it wraps (the library's
 * knowledge-base responder), which answers questions and offers the times.
 */
public final class BookingResponder implements AiResponder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AiResponder delegate;
    private final AppointmentCalendar calendar;

    /**
     * @param delegate answers everything that is not the pick of an offered time
     * @param calendar the calendar the offered times came from; its clock and time zone date them
     */
    public BookingResponder(AiResponder delegate, AppointmentCalendar calendar) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    @Override
    public AiReply respond(AiRequest request) {
        LocalDate today = calendar.today();
        return pendingOffer(request, today)
                .flatMap(offer -> lastCustomerText(request.history())
                        .flatMap(text -> answer(request, offer, SlotChoice.choose(text, offer.slots(), today))))
                .orElseGet(() -> delegate.respond(request));
    }

    private record Offer(String service, List<LocalDateTime> slots) {
    }

    /** The times offered by the newest tool call, if that call was a successful availability check. */
    private Optional<Offer> pendingOffer(AiRequest request, LocalDate today) {
        boolean canBook = request.tools().stream().anyMatch(t -> t.name().equals(BookingTools.BOOK_APPOINTMENT));
        if (!canBook || request.toolCalls().isEmpty()) {
            return Optional.empty();
        }
        ConversationEvent last = request.toolCalls().get(request.toolCalls().size() - 1);
        if (!BookingTools.CHECK_AVAILABILITY.equals(last.data().get("tool")) || last.data().containsKey("error")) {
            return Optional.empty();
        }
        String service = argument(String.valueOf(last.data().get("arguments")), "service");
        List<LocalDateTime> slots = SlotChoice.offeredIn(String.valueOf(last.data().get("result")), today);
        return service.isEmpty() || slots.isEmpty() ? Optional.empty() : Optional.of(new Offer(service, slots));
    }

    /** The question for a reply that contradicts itself, the confirmation for a pick that could be booked. */
    private Optional<AiReply> answer(AiRequest request, Offer offer, SlotChoice.Choice choice) {
        if (choice instanceof SlotChoice.Choice.Clarify clarify) {
            return Optional.of(new AiReply(clarify.question()));
        }
        if (choice instanceof SlotChoice.Choice.Picked picked) {
            return book(request, offer.service(), picked.slot());
        }
        return Optional.empty();
    }

    private Optional<AiReply> book(AiRequest request, String service, LocalDateTime slot) {
        ObjectNode arguments = JSON.createObjectNode()
                .put("service", service)
                .put("start", SlotFormat.display(slot))
                .put("customer_name", Objects.requireNonNullElse(request.conversation().customerName(), "Guest"));
        ToolRunner.ToolResult result = request.toolRunner().run("offline-" + UUID.randomUUID(), BookingTools.BOOK_APPOINTMENT,
                arguments.toString());
        if (result.error()) {
            return Optional.empty();
        }
        return Optional.of(new AiReply("You're all set! " + result.content() + " Reply here if you need to change anything."));
    }

    private static Optional<String> lastCustomerText(List<Message> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            Message m = history.get(i);
            if (m.direction() == Direction.INBOUND && m.author() == Author.CUSTOMER) {
                return Optional.of(m.body());
            }
        }
        return Optional.empty();
    }

    private static String argument(String argumentsJson, String field) {
        try {
            JsonNode value = JSON.readTree(argumentsJson).get(field);
            return value == null ? "" : value.asText();
        } catch (IOException e) {
            return "";
        }
    }
}

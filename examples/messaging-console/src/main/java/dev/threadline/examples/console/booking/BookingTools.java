package dev.threadline.examples.console.booking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threadline.examples.console.medspa.MedSpa;
import dev.threadline.examples.console.medspa.Treatment;
import dev.threadline.messaging.spi.AiTool;
import dev.threadline.messaging.spi.ToolInvocation;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The spa's AI tools over its {@link AppointmentCalendar}: {@value #CHECK_AVAILABILITY} (read-only) and
 * {@value #BOOK_APPOINTMENT} (side-effecting, so the library makes a repeated call act once). Results
 * are short sentences a customer can read, which a model understands as well.
 */
public final class BookingTools {

    public static final String CHECK_AVAILABILITY = "check_availability";
    public static final String BOOK_APPOINTMENT = "book_appointment";
    /** Days offered when the customer named no date. */
    static final int DAYS_OFFERED = 3;
    /** Times offered for one named date. */
    static final int TIMES_PER_DAY = 6;

    private static final String CHECK_SCHEMA = """
            {"type":"object","properties":{
              "service":{"type":"string","description":"treatment name, e.g. Botox or HydraFacial"},
              "date":{"type":"string","description":"optional day to check, YYYY-MM-DD; omit for the next open days"}},
             "required":["service"],"additionalProperties":false}""";
    private static final String BOOK_SCHEMA = """
            {"type":"object","properties":{
              "service":{"type":"string","description":"treatment name, e.g. Botox"},
              "start":{"type":"string","description":"a time exactly as check_availability returned it, e.g. 'Mon Nov 23 at 9:00 AM', or ISO-8601 local time 2026-11-23T09:00"},
              "customer_name":{"type":"string","description":"the customer's name"}},
             "required":["service","start","customer_name"],"additionalProperties":false}""";

    private final AppointmentCalendar calendar;

    public BookingTools(AppointmentCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    public AiTool checkAvailability() {
        return new AiTool(CHECK_AVAILABILITY, "Lists open appointment times for a treatment at " + MedSpa.NAME + ".",
                CHECK_SCHEMA, false, this::available);
    }

    public AiTool bookAppointment() {
        return new AiTool(BOOK_APPOINTMENT, "Books an appointment at a time check_availability offered; returns a confirmation code.",
                BOOK_SCHEMA, true, this::book);
    }

    String available(ToolInvocation invocation) {
        Treatment treatment = treatment(invocation.arguments());
        String date = text(invocation.arguments(), "date");
        List<LocalDateTime> slots = date.isEmpty()
                ? calendar.firstFreeSlots(treatment.length(), DAYS_OFFERED)
                : firstN(calendar.freeSlots(parseDate(date), treatment.length()));
        if (slots.isEmpty()) {
            return date.isEmpty() ? "no open times in the next " + AppointmentCalendar.HORIZON_DAYS + " days"
                    : "no open times on " + date;
        }
        return SlotFormat.displayList(slots);
    }

    String book(ToolInvocation invocation) {
        Treatment treatment = treatment(invocation.arguments());
        String name = text(invocation.arguments(), "customer_name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("customer_name is required");
        }
        LocalDateTime start = SlotFormat.parse(text(invocation.arguments(), "start"), calendar.today());
        Appointment booked = calendar.book(treatment.name(), name, start, treatment.length(), invocation.idempotencyKey());
        return "Booked " + booked.service() + " for " + booked.customerName() + " on " + SlotFormat.display(booked.start())
                + " (" + treatment.length().toMinutes() + " minutes). Confirmation code " + booked.reference() + ".";
    }

    private static Treatment treatment(JsonNode arguments) {
        String named = text(arguments, "service");
        return MedSpa.treatment(named).orElseThrow(() -> new IllegalArgumentException("unknown service '" + named
                + "'; offered: " + MedSpa.treatments().stream().map(Treatment::name).collect(Collectors.joining(", "))));
    }

    private static LocalDate parseDate(String date) {
        try {
            return LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("date must be YYYY-MM-DD, got: " + date);
        }
    }

    private static List<LocalDateTime> firstN(List<LocalDateTime> slots) {
        return slots.subList(0, Math.min(TIMES_PER_DAY, slots.size()));
    }

    private static String text(JsonNode arguments, String field) {
        JsonNode value = arguments.get(field);
        return value == null || value.isNull() ? "" : value.asText().strip();
    }
}

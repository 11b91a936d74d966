package dev.threadline.examples.console;

import dev.threadline.examples.console.booking.AppointmentCalendar;
import dev.threadline.examples.console.booking.BookingResponder;
import dev.threadline.examples.console.booking.BookingTools;
import dev.threadline.examples.console.medspa.MedSpa;
import dev.threadline.messaging.offline.KnowledgeBase;
import dev.threadline.messaging.offline.KnowledgeBaseResponder;
import dev.threadline.messaging.spi.AiResponder;
import dev.threadline.messaging.spi.AiTool;
import dev.threadline.messaging.spring.MessageManagerBuilderCustomizer;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The spa's knowledge base, calendar and AI tools, which the starter hands to the message manager. */
@Configuration(proxyBeanMethods = false)
class MedSpaConfiguration {

    /** Appointments start on the hour or half hour. */
    private static final Duration SLOT_GRID = Duration.ofMinutes(30);

    /** The spa's answers, for the spa's tenant only: another tenant's customers are never told they wrote to it. */
    @Bean
    KnowledgeBase medSpaKnowledgeBase(ConsoleProperties properties) {
        return MedSpa.knowledgeBase(properties.tenant());
    }

    @Bean
    AppointmentCalendar appointmentCalendar(ConsoleProperties properties, Clock clock) {
        return new AppointmentCalendar(MedSpa.hours(), properties.timeZone(), clock, SLOT_GRID);
    }

    @Bean
    BookingTools bookingTools(AppointmentCalendar calendar) {
        return new BookingTools(calendar);
    }

    @Bean
    AiTool checkAvailabilityTool(BookingTools tools) {
        return tools.checkAvailability();
    }

    @Bean
    AiTool bookAppointmentTool(BookingTools tools) {
        return tools.bookAppointment();
    }

    /**
     * Lets the offline responder finish a booking it offered times for. An AI provider's responder books
     * through the tools itself, so only the library's knowledge-base responder is wrapped.
     */
    @Bean
    MessageManagerBuilderCustomizer offlineBookingCompletion(ObjectProvider<AiResponder> responder, AppointmentCalendar calendar) {
        return builder -> {
            if (responder.getIfUnique() instanceof KnowledgeBaseResponder offline) {
                builder.responder(new BookingResponder(offline, calendar));
            }
        };
    }
}

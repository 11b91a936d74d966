package dev.threadline.examples.console.medspa;

import dev.threadline.examples.console.booking.WeeklyHours;
import dev.threadline.messaging.offline.KnowledgeBase;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * The example business, Glow Med Spa: one place for its menu, hours, providers and FAQ, so the
 * knowledge base the responder answers from and the calendar the tools book agree.
 */
public final class MedSpa {

    public static final String NAME = "Glow Med Spa";

    private static final List<Treatment> TREATMENTS = List.of(
            new Treatment("Botox", "$12 per unit (most areas 20–40 units)", Duration.ofMinutes(30),
                    "Softens forehead lines, frown lines and crow's feet; results show in 3–14 days and last 3–4 months.",
                    List.of("tox", "wrinkle relaxer", "neurotoxin", "dysport")),
            new Treatment("Dermal fillers", "from $650 per syringe", Duration.ofMinutes(60),
                    "Hyaluronic acid fillers for lips, cheeks and smile lines, with results that last 6–18 months.",
                    List.of("filler", "fillers", "lip filler", "juvederm", "restylane")),
            new Treatment("Laser hair removal", "from $150 per session (packages of 6 available)", Duration.ofMinutes(45),
                    "Long-lasting hair reduction for face and body; most clients need 6–8 sessions 4–6 weeks apart.",
                    List.of("laser", "hair removal")),
            new Treatment("Chemical peel", "from $175", Duration.ofMinutes(45),
                    "Evens tone and texture and fades sun spots; expect 3–7 days of light peeling.",
                    List.of("peel", "chemical peels")),
            new Treatment("HydraFacial", "$199", Duration.ofMinutes(60),
                    "Cleanses, exfoliates and hydrates in one session with no downtime.",
                    List.of("hydra facial", "facial")),
            new Treatment("Microneedling", "$350 per session", Duration.ofMinutes(75),
                    "Stimulates collagen to improve acne scars, pores and fine lines.",
                    List.of("micro needling", "collagen induction")));

    private static final WeeklyHours HOURS = WeeklyHours.builder()
            .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(18, 0))
            .open(DayOfWeek.SATURDAY, DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(16, 0))
            .build();

    private static final List<String> PROVIDERS = List.of(
            "Dr. Maya Patel, MD (medical director; Botox and fillers)",
            "Jenna Brooks, RN (injector)",
            "Sofia Ramirez, licensed esthetician (facials, peels, laser)");

    private static final List<KnowledgeBase.Faq> FAQS = List.of(
            new KnowledgeBase.Faq("Where are you?", "We're at 245 Market Street, Suite 300, with free parking in the garage behind the building.",
                    List.of("where", "address", "parking", "location")),
            new KnowledgeBase.Faq("What is the cancellation policy?", "Please give us 24 hours' notice to cancel or reschedule; late cancellations are charged a $50 fee.",
                    List.of("cancel", "cancellation", "reschedule")),
            new KnowledgeBase.Faq("Do you offer consultations?", "Consultations are free and take about 20 minutes, in person or by video.",
                    List.of("consultation", "consult")),
            new KnowledgeBase.Faq("Does it hurt?", "Most treatments feel like a quick pinch; we use numbing cream for fillers and microneedling.",
                    List.of("hurt", "pain", "painful")),
            new KnowledgeBase.Faq("Do you offer financing?", "Yes, we accept all major cards, HSA/FSA cards and offer financing through Cherry.",
                    List.of("financing", "payment plan", "insurance")));

    private MedSpa() {
    }

    /** The menu, in the order the spa lists it. */
    public static List<Treatment> treatments() {
        return TREATMENTS;
    }

    /** The treatment a customer or model named, matching aliases and ignoring case. */
    public static Optional<Treatment> treatment(String named) {
        return TREATMENTS.stream().filter(t -> t.isNamedBy(named)).findFirst();
    }

    /** When appointments can be booked. */
    public static WeeklyHours hours() {
        return HOURS;
    }

    /** Everything the offline responder answers {@code tenant}'s customers from. */
    public static KnowledgeBase knowledgeBase(String tenant) {
        return new KnowledgeBase(tenant, NAME, HOURS.describe(),
                TREATMENTS.stream().map(Treatment::asService).toList(), PROVIDERS, FAQS);
    }
}

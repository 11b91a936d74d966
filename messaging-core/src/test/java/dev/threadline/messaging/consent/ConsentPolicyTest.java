package dev.threadline.messaging.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ConsentPolicyTest {

    private final ConsentPolicy policy = ConsentPolicy.DEFAULT;

    @ParameterizedTest
    @ValueSource(strings = {"STOP", " Stop. ", "stop!!", "STOPALL", "Stop all", "STOP  ALL", "unsubscribe", "Cancel", "end",
            "quit", "REVOKE", "revoke.", "OPT OUT", "opt-out", "Opt out!", "OPTOUT", "optout", "\tstop\n", "ＳＴＯＰ"})
    void carrierAndRevocationRuleKeywordsOptOutWhateverTheirCasePunctuationOrSpacing(String body) {
        assertThat(policy.classify(body)).isEqualTo(ConsentSignal.OPT_OUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", "unstop", "Yes", "start."})
    void optInKeywords(String body) {
        assertThat(policy.classify(body)).isEqualTo(ConsentSignal.OPT_IN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HELP", "help?", "Info"})
    void helpKeywords(String body) {
        assertThat(policy.classify(body)).isEqualTo(ConsentSignal.HELP);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "please stop texting me", "Stop texting me!!", "STOP MESSAGING ME", "Can you stop sending me these?",
            "don't text me again", "Do not contact me", "Please remove me from your list", "take me off your mailing list",
            "Remove my number from your list please", "unsubscribe me", "Opt me out", "no more texts please",
            "I don't want any more messages", "leave me alone", "please stop", "Stop please", "stop it",
            "I\u2019m not interested, don\u2019t message me",
            "Por favor deja de enviarme mensajes", "dejen de escribirme", "No me envíen más mensajes", "no me escribas",
            "Sácame de tu lista", "quítenme de la lista por favor", "Quiero darme de baja", "no quiero recibir más mensajes",
            "ya no quiero que me escriban", "Basta por favor", "ALTO"})
    void plainWordsRequestsToStopInEnglishAndSpanish(String body) {
        assertThat(policy.classify(body)).isEqualTo(ConsentSignal.STOP_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Please don't stop the reminders", "Don't stop texting me deals!", "Can you stop by the front desk?",
            "Where is the bus stop?", "I want to cancel my appointment", "Is it too late to stop my order",
            "Thanks, see you Tuesday", "No me gusta el horario", "Stop by at 3?", "What time do you end today?",
            "Para el martes por favor"})
    void ordinaryMessagesAreNotAboutConsent(String body) {
        assertThat(policy.classify(body)).isEqualTo(ConsentSignal.NONE);
    }

    @Test
    void aTenantAddsItsOwnKeywords() {
        ConsentPolicy spanish = policy.withAdditionalOptOutKeywords(Set.of("PARAR", "cancelar"));

        assertThat(spanish.classify("Parar.")).isEqualTo(ConsentSignal.OPT_OUT);
        assertThat(spanish.classify("CANCELAR")).isEqualTo(ConsentSignal.OPT_OUT);
        assertThat(policy.classify("Parar.")).isEqualTo(ConsentSignal.NONE);
    }

    @Test
    void aPolicyWithoutAnyOptOutKeywordIsRefused() {
        assertThatThrownBy(() -> new ConsentPolicy(Set.of(), Set.of("START"), Set.of("HELP"),
                ConsentPolicy.StopRequestHandling.HOLD_FOR_STAFF))
                .hasMessageContaining("must always be able to opt out");
    }

    @Test
    void aKeywordCannotBothOptOutAndIn() {
        assertThatThrownBy(() -> new ConsentPolicy(Set.of("STOP", "yes"), Set.of("YES"), Set.of(),
                ConsentPolicy.StopRequestHandling.HOLD_FOR_STAFF))
                .hasMessageContaining("both");
    }
}

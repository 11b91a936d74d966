package dev.threadline.messaging.spi;

import dev.threadline.messaging.DeliveryUpdate;
import java.util.List;
import java.util.Objects;

/**
 * What a provider holds of a message whose earlier send attempt was interrupted (see
 * {@link Channel#lookUpEarlierSend}).
 *
 * @param answered whether the provider was asked; false when the channel offers no lookup
 * @param matches the provider's messages that match the delivery, oldest first, each as the delivery update
 *        it reports, with the provider's id; empty when the provider holds none
 */
public record SendLookup(boolean answered, List<DeliveryUpdate> matches) {

    /** The channel cannot ask its provider: whether an interrupted attempt got through stays unknown. */
    public static final SendLookup UNAVAILABLE = new SendLookup(false, List.of());

    public SendLookup {
        matches = List.copyOf(matches);
        matches.forEach(m -> Objects.requireNonNull(m.providerMessageId(), "a match carries the provider's id"));
        if (!answered && !matches.isEmpty()) {
            throw new IllegalArgumentException("a lookup that was not answered has no matches");
        }
    }

    /** The provider's answer: the messages it holds that match, oldest first (none when it has none). */
    public static SendLookup answered(List<DeliveryUpdate> matches) {
        return new SendLookup(true, matches);
    }
}

package dev.threadline.messaging.support;

import dev.threadline.messaging.NonRetriableMessagingException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads the lower-case wire names of the API's enums, one way for all of them. */
public final class WireNames {

    private WireNames() {
    }

    /**
     * The constant whose wire name is {@code value} (ignoring case).
     *
     * @throws NonRetriableMessagingException {@code validation_failed} naming {@code field} and the allowed names
     */
    public static <E extends Enum<E>> E parse(E[] constants, Function<E, String> wireName, String value, String field) {
        for (E constant : constants) {
            if (wireName.apply(constant).equalsIgnoreCase(value)) {
                return constant;
            }
        }
        String allowed = Arrays.stream(constants).map(wireName).collect(Collectors.joining(", "));
        throw NonRetriableMessagingException.validation(field, field + " must be one of " + allowed);
    }
}

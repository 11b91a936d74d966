package dev.threadline.messaging.automation.campaign;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The time zone a phone number lies in, from libphonenumber's prefix tables: a guess only when the number's
 * country and area code map to a single zone (+1 512 is Texas, Central time; a number of a country or area that
 * spans several zones gives none).
 */
final class PhoneTimeZones {

    private PhoneTimeZones() {
    }

    /** The one zone of an E.164 {@code phone}, or empty when it has none or several, or is not a phone number. */
    static Optional<ZoneId> of(String phone) {
        if (!phone.startsWith("+")) {
            return Optional.empty();
        }
        try {
            List<String> zones = PhoneNumberToTimeZonesMapper.getInstance()
                    .getTimeZonesForNumber(PhoneNumberUtil.getInstance().parse(phone, null));
            if (zones.size() != 1 || zones.get(0).equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())) {
                return Optional.empty();
            }
            return Optional.of(ZoneId.of(zones.get(0)));
        } catch (NumberParseException | DateTimeException e) {
            return Optional.empty();
        }
    }
}

package dev.threadline.messaging.automation.campaign;

import java.util.Locale;

/** Where a campaign recipient's time zone (for quiet hours) came from, most specific first. */
public enum ZoneSource {
    /** Given with the recipient in the campaign request. */
    RECIPIENT,
    /** The contact's profile. */
    PROFILE,
    /** Guessed from the phone number: its country and area code lie in one time zone. */
    PHONE_NUMBER,
    /** None of the above was known: the campaign's default zone. */
    CAMPAIGN_DEFAULT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

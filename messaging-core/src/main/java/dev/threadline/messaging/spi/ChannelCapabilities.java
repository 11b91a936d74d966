package dev.threadline.messaging.spi;

/**
 * What a channel can carry.
 *
 * @param maxBodyLength longest body accepted, in characters (code units)
 * @param supportsSubject whether a subject line is sent (email)
 * @param supportsMedia whether media URLs are sent (MMS, WhatsApp)
 */
public record ChannelCapabilities(int maxBodyLength, boolean supportsSubject, boolean supportsMedia) {

    /** SMS: 1,600 characters (Twilio's limit across concatenated segments), media as MMS. */
    public static final ChannelCapabilities SMS = new ChannelCapabilities(1600, false, true);
    /** Email: long bodies and a subject. */
    public static final ChannelCapabilities EMAIL = new ChannelCapabilities(100_000, true, false);

    public ChannelCapabilities {
        if (maxBodyLength < 1) {
            throw new IllegalArgumentException("maxBodyLength must be positive");
        }
    }
}

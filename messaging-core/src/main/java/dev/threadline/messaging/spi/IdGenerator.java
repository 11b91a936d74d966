package dev.threadline.messaging.spi;

/**
 * Makes ids for every record. Ids must be unique, and should sort in creation order: message order
 * ties are broken by id.
 */
@FunctionalInterface
public interface IdGenerator {
    String newId();
}

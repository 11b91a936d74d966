/**
 * Work that must happen once per cluster, not once per app instance: {@link dev.threadline.messaging.automation.cluster.RunClaims}
 * decides which instance runs each run of a periodic job (the daily digest).
 */
@NullMarked
package dev.threadline.messaging.automation.cluster;

import org.jspecify.annotations.NullMarked;

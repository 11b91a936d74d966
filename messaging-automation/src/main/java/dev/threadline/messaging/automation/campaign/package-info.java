/**
 * Campaigns: a template sent to a list or a segment, rate limited, respecting opt-outs and quiet hours.
 */
@NullMarked
package dev.threadline.messaging.automation.campaign;

import org.jspecify.annotations.NullMarked;

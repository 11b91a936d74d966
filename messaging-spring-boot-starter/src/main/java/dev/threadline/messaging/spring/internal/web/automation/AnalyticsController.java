package dev.threadline.messaging.spring.internal.web.automation;

import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.automation.MessagingAutomation;
import dev.threadline.messaging.automation.analytics.Analytics;
import dev.threadline.messaging.automation.analytics.AnalyticsQuery;
import dev.threadline.messaging.automation.analytics.AnalyticsReport;
import dev.threadline.messaging.automation.analytics.Granularity;
import dev.threadline.messaging.spring.internal.web.support.Caller;
import dev.threadline.messaging.spring.internal.web.support.Channels;
import dev.threadline.messaging.spring.internal.web.support.Json;
import dev.threadline.messaging.spring.internal.web.support.RequiresRole;
import dev.threadline.messaging.spring.internal.web.support.WireValues;
import dev.threadline.messaging.staff.Role;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Measures per channel and period, as JSON or as a CSV download. */
@RestController
@RequiresRole(Role.ADMIN)
@RequestMapping("${messaging.api.base-path:/api/admin/messaging}")
public final class AnalyticsController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Analytics analytics;
    private final MessageManager manager;

    AnalyticsController(MessagingAutomation automation, MessageManager manager) {
        this.analytics = automation.analytics();
        this.manager = manager;
    }

    @GetMapping("/analytics")
    ResponseEntity<byte[]> report(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @RequestParam String from, @RequestParam String to,
                                  @RequestParam(required = false) @Nullable String zone,
                                  @RequestParam(required = false) @Nullable String granularity,
                                  @RequestParam(required = false) @Nullable String channel) {
        AnalyticsReport report = analytics.report(query(caller, from, to, zone, granularity, channel));
        return Json.response(HttpStatus.OK, AutomationViews.AnalyticsView.of(report));
    }

    @GetMapping("/analytics.csv")
    ResponseEntity<byte[]> csv(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @RequestParam String from, @RequestParam String to,
                               @RequestParam(required = false) @Nullable String zone,
                               @RequestParam(required = false) @Nullable String granularity,
                               @RequestParam(required = false) @Nullable String channel) {
        AnalyticsReport report = analytics.report(query(caller, from, to, zone, granularity, channel));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(CSV);
        headers.setContentDisposition(ContentDisposition.attachment().filename("analytics.csv").build());
        return new ResponseEntity<>(analytics.toCsv(report).getBytes(StandardCharsets.UTF_8), headers, HttpStatus.OK);
    }

    private AnalyticsQuery query(Caller caller, String from, String to, @Nullable String zone, @Nullable String granularity,
                                 @Nullable String channel) {
        return new AnalyticsQuery(caller.tenantId(), WireValues.instant("from", from), WireValues.instant("to", to),
                zone == null || zone.isBlank() ? WireValues.UTC : WireValues.zone("zone", zone),
                granularity == null || granularity.isBlank() ? Granularity.DAY
                        : WireValues.lowerCaseName(Granularity.class, "granularity", granularity),
                channel == null || channel.isBlank() ? null : Channels.known(manager, channel, "channel"));
    }
}

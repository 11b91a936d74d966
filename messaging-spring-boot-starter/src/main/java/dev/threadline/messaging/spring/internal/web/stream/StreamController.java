package dev.threadline.messaging.spring.internal.web.stream;

import dev.threadline.messaging.spring.internal.web.support.Caller;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /stream}: Server-Sent Events of the caller's tenant. */
@RestController
@RequestMapping("${messaging.api.base-path:/api/admin/messaging}")
public final class StreamController {

    private final EventStreamHub hub;

    StreamController(EventStreamHub hub) {
        this.hub = hub;
    }

    @GetMapping(value = "/stream", produces = {MediaType.TEXT_EVENT_STREAM_VALUE, MediaType.ALL_VALUE})
    SseEmitter stream(@RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return hub.open(caller.actor());
    }
}

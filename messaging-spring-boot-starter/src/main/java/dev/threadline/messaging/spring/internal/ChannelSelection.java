package dev.threadline.messaging.spring.internal;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.simulator.SimulatorChannel;
import dev.threadline.messaging.spi.Channel;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The channel serving each id: a simulator only where no other channel bean has that id. */
public final class ChannelSelection {

    private ChannelSelection() {
    }

    public static Map<ChannelId, Channel> byId(Stream<Channel> channels) {
        Map<ChannelId, Channel> byId = new LinkedHashMap<>();
        channels.sorted(Comparator.comparing(channel -> !(channel instanceof SimulatorChannel)))
                .forEach(channel -> byId.put(channel.id(), channel));
        return byId;
    }
}

package org.clusterlogs.messagelogging.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The meters of one destination, all tagged {@code destination=<id>}; in Prometheus:
 * {@code messagelogging_records_queued_total}, {@code messagelogging_records_sent_total},
 * {@code messagelogging_records_dropped_total{reason=queue_full|oversize|closed}},
 * {@code messagelogging_reconnects_total} and the gauge {@code messagelogging_queue_records}.
 * Removed from the registry when the destination closes, so an undeployed destination leaves no series behind.
 */
final class DestinationMetrics {

    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();
    private final Counter queued;
    private final Counter sent;
    private final Counter reconnects;
    private final Map<DropReason, Counter> dropped = new EnumMap<>(DropReason.class);

    DestinationMetrics(MeterRegistry registry, String destination, Supplier<Number> queueSize) {
        this.registry = registry;
        queued = add(Counter.builder("messagelogging.records.queued").tag("destination", destination)
                .description("records accepted into the destination's queue").register(registry));
        sent = add(Counter.builder("messagelogging.records.sent").tag("destination", destination)
                .description("records written to the destination").register(registry));
        reconnects = add(Counter.builder("messagelogging.reconnects").tag("destination", destination)
                .description("attempts to write again after a failure: a new connection, a reopened file")
                .register(registry));
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason, add(Counter.builder("messagelogging.records.dropped").tag("destination", destination)
                    .tag("reason", reason.tag()).description("records not delivered").register(registry)));
        }
        add(Gauge.builder("messagelogging.queue", queueSize).tag("destination", destination).baseUnit("records")
                .description("records waiting in the destination's queue").register(registry));
    }

    private <M extends Meter> M add(M meter) {
        meters.add(meter);
        return meter;
    }

    void queued() {
        queued.increment();
    }

    void sent(int records) {
        sent.increment(records);
    }

    void reconnect() {
        reconnects.increment();
    }

    void dropped(DropReason reason, int records) {
        dropped.get(reason).increment(records);
    }

    long dropped(DropReason reason) {
        return (long) dropped.get(reason).count();
    }

    void remove() {
        meters.forEach(registry::remove);
    }
}

package io.github.paiworkspacefake.server;

import java.util.Objects;

/**
 * One point of a run's metric, as LogRunMetrics stored it (the RunMetric model).
 *
 * @param key       the metric's name, such as {@code loss}
 * @param value     its value
 * @param step      the training step it was recorded at
 * @param timestamp when it was recorded, in milliseconds since the epoch
 */
public record RunMetric(String key, double value, long step, long timestamp) {

    /** Checks that the key is present. */
    public RunMetric {
        Objects.requireNonNull(key, "key");
    }
}

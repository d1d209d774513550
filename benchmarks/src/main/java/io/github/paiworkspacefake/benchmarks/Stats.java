package io.github.paiworkspacefake.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Order statistics of a sample: median, percentiles, mean. */
public final class Stats {

    private final List<Double> sorted;

    private Stats(List<Double> sorted) {
        this.sorted = sorted;
    }

    /** The statistics of {@code values}; at least one value. */
    public static Stats of(Collection<? extends Number> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values measured");
        }
        List<Double> sorted = new ArrayList<>();
        values.forEach(value -> sorted.add(value.doubleValue()));
        sorted.sort(Double::compare);
        return new Stats(sorted);
    }

    /** The middle value (nearest rank). */
    public double median() {
        return percentile(50);
    }

    /** The nearest-rank percentile, {@code 0 < p <= 100}. */
    public double percentile(double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** The arithmetic mean. */
    public double mean() {
        return sorted.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** How many values. */
    public int count() {
        return sorted.size();
    }

    /** Every value, in ascending order. */
    public List<Double> values() {
        return List.copyOf(sorted);
    }
}

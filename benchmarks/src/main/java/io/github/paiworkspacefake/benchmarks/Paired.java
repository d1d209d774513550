package io.github.paiworkspacefake.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * A measure and its reference taken in alternating pairs, the one that goes first swapping every round, so that a
 * machine whose load changes (other builds on the same cores) weighs on both alike. The ratio reported is the median
 * of the rounds' own ratios, each taken from two measurements seconds apart.
 */
final class Paired {

    private final List<Double> measured = new ArrayList<>();
    private final List<Double> reference = new ArrayList<>();

    private Paired() {}

    /**
     * Runs {@code rounds} pairs; {@code label} names each round's line, printed with {@code unit}. A round numbered 0
     * ({@code warmUp}) runs first and is not counted.
     */
    static Paired measure(
            int rounds,
            boolean warmUp,
            String label,
            String unit,
            DoubleSupplier measure,
            DoubleSupplier referenceMeasure) {
        Paired paired = new Paired();
        for (int round = warmUp ? 0 : 1; round <= rounds; round++) {
            double first;
            double second;
            if (round % 2 == 1) {
                first = measure.getAsDouble();
                second = referenceMeasure.getAsDouble();
            } else {
                second = referenceMeasure.getAsDouble();
                first = measure.getAsDouble();
            }
            System.out.println(Report.format(
                    "%s %s: %.0f %s vs %.0f %s, ratio %.2f",
                    label,
                    round == 0 ? "warm-up (not counted)" : "round " + round,
                    first,
                    unit,
                    second,
                    unit,
                    first / second));
            if (round > 0) {
                paired.measured.add(first);
                paired.reference.add(second);
            }
        }
        return paired;
    }

    double measuredMedian() {
        return Stats.of(measured).median();
    }

    double referenceMedian() {
        return Stats.of(reference).median();
    }

    /** The median of the rounds' ratios, measure over reference. */
    double ratio() {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            ratios.add(measured.get(i) / reference.get(i));
        }
        return Stats.of(ratios).median();
    }

    /** The rounds' ratios, lowest and highest, as {@code "0.41-0.63"}. */
    String ratioRange() {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            ratios.add(measured.get(i) / reference.get(i));
        }
        Stats stats = Stats.of(ratios);
        return Report.format("%.2f-%.2f", stats.percentile(0.0001), stats.percentile(100));
    }
}

package io.github.paiworkspacefake.benchmarks.pertest;

import io.github.paiworkspacefake.benchmarks.Report;
import io.github.paiworkspacefake.benchmarks.Stats;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Turns the gaps of a per-test-cost run into per-test costs (gap minus JUnit's own gap) and the table's row. */
final class PerTestTable {

    /** The goal for the fake's per-test cost, in milliseconds. */
    static final double GOAL_MILLIS = 2.0;

    private PerTestTable() {}

    /**
     * Prints every class's gaps and cost, and reports the fake's row. The first key of {@code gaps} is the baseline,
     * the second the fake, the rest the references (but {@link PerTestCost#WITHOUT_REQUEST}, printed only).
     */
    static void print(Map<String, List<Double>> gaps, Map<String, List<Double>> bodies, Path summary) {
        List<String> names = List.copyOf(gaps.keySet());
        Stats baseline = Stats.of(gaps.get(names.get(0)));
        System.out.println(Report.format(
                "%-34s %10s %10s %10s %12s %12s %12s",
                "per test", "gap p50", "gap p90", "gap mean", "cost p50", "cost mean", "body p50"));
        StringBuilder references = new StringBuilder();
        StringBuilder ratios = new StringBuilder();
        double fakeCost = Double.NaN;
        double fakeMeanCost = Double.NaN;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Stats gap = Stats.of(gaps.get(name));
            double cost = gap.median() - baseline.median();
            double meanCost = gap.mean() - baseline.mean();
            System.out.println(Report.format(
                    "%-34s %7.2f ms %7.2f ms %7.2f ms %9.2f ms %9.2f ms %9.2f ms",
                    name,
                    gap.median(),
                    gap.percentile(90),
                    gap.mean(),
                    cost,
                    meanCost,
                    Stats.of(bodies.get(name)).median()));
            if (i == 1) {
                fakeCost = cost;
                fakeMeanCost = meanCost;
            } else if (i > 1 && !name.equals(PerTestCost.WITHOUT_REQUEST)) {
                references.append(references.length() == 0 ? "" : "; ").append(Report.format("%s %.2f ms", name, cost));
                ratios.append(ratios.length() == 0 ? "" : "; ")
                        .append(Report.format(
                                "%.2f of %s", fakeCost / cost, name.replaceAll(" (start/stop|start/close)$", "")));
            }
        }
        System.out.println(Report.format(
                "baseline (JUnit alone): gap median %.3f ms over %d tests", baseline.median(), baseline.count()));
        new Report(summary)
                .row(
                        Report.format(
                                "per-test cost of @WithFakePaiWorkspace, JUnit 6, %d tests per JVM x %d "
                                        + "JVMs (median gap between test bodies minus JUnit's own %.2f ms)",
                                BodyTimes.TESTS,
                                gaps.get(names.get(0)).size() / (BodyTimes.TESTS - 1),
                                baseline.median()),
                        Report.format("%.2f ms (mean %.2f ms)", fakeCost, fakeMeanCost),
                        references.toString(),
                        ratios.toString(),
                        Report.format("at most %.0f ms", GOAL_MILLIS),
                        fakeCost <= GOAL_MILLIS ? "yes" : "no");
    }
}

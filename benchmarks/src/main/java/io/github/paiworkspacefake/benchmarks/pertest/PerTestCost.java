package io.github.paiworkspacefake.benchmarks.pertest;

import io.github.paiworkspacefake.benchmarks.Stats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Per-test cost as a user's JUnit 6 suite sees it. Each class of this package runs {@link BodyTimes#TESTS} tests in a
 * fresh JVM through the JUnit Platform launcher (as Surefire would); the gap between one test body's end and the next
 * one's start holds everything a test pays besides its own work: JUnit, the extension, a server's start and stop.
 * The same gap in {@link NoServerTest} is JUnit's alone; the difference is what a server costs per test. Classes
 * alternate over several rounds so that a busy machine weighs on all alike.
 *
 * <p>Run: {@code java -cp benchmarks.jar io.github.paiworkspacefake.benchmarks.pertest.PerTestCost [ROUNDS]}; it
 * prints one line per class and appends the table's row to {@code benchmarks/target/results/summary.md}.
 */
public final class PerTestCost {

    /** The variant shown for the notes only: the fake's lifecycle with no connection to reset. */
    static final String WITHOUT_REQUEST = "@WithFakePaiWorkspace, no request";

    private static final Map<String, Class<?>> VARIANTS = new LinkedHashMap<>();

    static {
        VARIANTS.put("no server (JUnit alone)", NoServerTest.class);
        VARIANTS.put("@WithFakePaiWorkspace", FakeTest.class);
        VARIANTS.put("JDK HttpServer start/stop", JdkHttpServerTest.class);
        VARIANTS.put("okhttp MockWebServer start/close", MockWebServerTest.class);
        VARIANTS.put("WireMock start/stop", WireMockTest.class);
        VARIANTS.put(WITHOUT_REQUEST, FakeWithoutRequestTest.class);
    }

    private PerTestCost() {}

    /** Without arguments or with a round count: the comparison; {@code child CLASS}: one run, in this JVM. */
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("child")) {
            runChild(Class.forName(args[1]));
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        Path summary = Path.of(args.length > 1 ? args[1] : "benchmarks/target/results/summary.md");
        compare(rounds, summary);
    }

    private static void compare(int rounds, Path summary) throws IOException, InterruptedException {
        Map<String, List<Double>> gaps = new LinkedHashMap<>();
        Map<String, List<Double>> bodies = new LinkedHashMap<>();
        VARIANTS.keySet().forEach(name -> {
            gaps.put(name, new ArrayList<>());
            bodies.put(name, new ArrayList<>());
        });
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, Class<?>> variant : VARIANTS.entrySet()) {
                ChildRun run = runInFreshJvm(variant.getValue());
                gaps.get(variant.getKey()).addAll(run.gapsMillis());
                bodies.get(variant.getKey()).addAll(run.bodiesMillis());
                System.out.println(String.format(
                        Locale.ROOT,
                        "round %d: %-34s median gap %.2f ms",
                        round,
                        variant.getKey(),
                        Stats.of(run.gapsMillis()).median()));
            }
        }
        PerTestTable.print(gaps, bodies, summary);
    }

    /** One class in a new JVM with default flags, as a build tool's test fork. */
    private static ChildRun runInFreshJvm(Class<?> testClass) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        PerTestCost.class.getName(),
                        "child",
                        testClass.getName())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(testClass.getSimpleName() + " failed:\n" + output);
        }
        return ChildRun.parse(output);
    }

    private static void runChild(Class<?> testClass) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(testClass))
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        if (summary.getTotalFailureCount() > 0 || summary.getTestsSucceededCount() != BodyTimes.TESTS) {
            summary.printFailuresTo(new java.io.PrintWriter(System.out, true), 20);
            System.out.println("succeeded " + summary.getTestsSucceededCount() + " of " + BodyTimes.TESTS);
            System.exit(1);
        }
        System.out.println(ChildRun.GAPS + join(BodyTimes.gapsNanos()));
        System.out.println(ChildRun.BODIES + join(BodyTimes.bodiesNanos()));
        System.exit(0);
    }

    private static String join(List<Long> nanos) {
        return String.join(",", nanos.stream().map(String::valueOf).toList());
    }

    /** What a child JVM reported: the gaps between bodies and the bodies' own times. */
    private record ChildRun(List<Double> gapsMillis, List<Double> bodiesMillis) {

        static final String GAPS = "GAPS_NS ";
        static final String BODIES = "BODIES_NS ";

        static ChildRun parse(String output) {
            return new ChildRun(millis(output, GAPS), millis(output, BODIES));
        }

        private static List<Double> millis(String output, String prefix) {
            return output.lines()
                    .filter(line -> line.startsWith(prefix))
                    .findFirst()
                    .map(line -> Arrays.stream(line.substring(prefix.length()).split(","))
                            .map(nanos -> Long.parseLong(nanos) / 1e6)
                            .toList())
                    .orElseThrow(() -> new IllegalStateException("no " + prefix.trim() + " in:\n" + output));
        }
    }
}

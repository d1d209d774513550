package io.github.paiworkspacefake.benchmarks.pertest;

import io.github.paiworkspacefake.benchmarks.Report;
import io.github.paiworkspacefake.benchmarks.Stats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Per-test cost of a fresh fake as the testers of issue #22 measured it: in a user's Maven project
 * ({@code benchmarks/src/it/user-project}) on JUnit Jupiter 5.13.4 (and other lines), each test class run by its own
 * {@code mvn test} through Surefire with its defaults, the project depending on the freshly built
 * pai-workspace-fake-junit. The figure is the median gap between consecutive test bodies from the 100th test on in a
 * class that gets a fresh fake per test ({@code @WithFakePaiWorkspace}, injected), minus the same median in a class
 * whose one fake was started once in {@code @BeforeAll}; both bodies add a workspace and send one GetWorkspace.
 *
 * <p>The classes alternate round by round, the order reversed every other round, so a machine whose load changes
 * weighs on all alike; the figure is the median of the rounds' own differences. With {@code --before DIR} (a checkout
 * of an earlier commit, built with {@code mvn package -DskipTests -pl junit-extension -am}) the fresh-fake class also
 * runs against that build, in the same rounds, so a change is measured beside what it changed.
 *
 * <p>Run from the repository root after {@code mvn package -DskipTests -pl benchmarks -am}:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.paiworkspacefake.benchmarks.pertest.UserProjectCost \
 *     [--rounds 4] [--setups 5.13.4,5.13.4+slf4j-simple,6.1.3,5.10.0] [--summary FILE] [--before DIR]
 * </pre>
 *
 * A setup is a JUnit Jupiter version, with {@code +slf4j-simple} when that logging backend is on the test classpath (as
 * one is in many projects; whatever the web server logs per test then reaches the build's output). Each setup gives
 * the summary a row (appended to {@code benchmarks/target/results/summary.md} unless {@code --summary} says
 * otherwise). Needs {@code mvn} on the path; the user project resolves
 * everything but our artifacts through the local repository of {@code ~/.m2} (then Maven Central), into its own
 * repository under {@code benchmarks/target/user-project/m2}; nothing is written to {@code ~/.m2}.
 */
public final class UserProjectCost {

    /** The goal for this figure, in milliseconds. */
    static final double GOAL_MILLIS = 1.5;

    /** Gaps before this test (1-based) are warm-up, as the testers counted. */
    static final int FIRST_COUNTED_TEST = 100;

    /** How many tests each class of the user project runs (its {@code BodyTimes.TESTS}). */
    static final int USER_PROJECT_TESTS = 600;

    static final String FRESH = "fresh fake per test";
    static final String FRESH_BEFORE = "fresh fake per test, before";
    static final String ONCE = "one fake started once";
    static final String PER_CLASS = "fake per class (PER_CLASS)";
    static final String NO_SERVER = "no server, no extension";

    /** The version the artifacts of {@code --before} are installed under in the private repository. */
    private static final String BEFORE_VERSION = "0.0.0-before";

    private static final String GROUP = "io.github.paiworkspacefake";

    /** One test class of the user project, run against this build of the fake or the {@code --before} one. */
    private record Variant(String testClass, boolean before) {}

    private final Path root;
    private final Path work;
    private final Path repository;
    private final String version;
    private final Map<String, Variant> variants = new LinkedHashMap<>();

    private UserProjectCost(Path root, boolean withBefore) {
        this.root = root;
        this.work = root.resolve("benchmarks/target/user-project");
        this.repository = work.resolve("m2");
        this.version = projectVersion(root);
        variants.put(FRESH, new Variant("FreshFakePerTest", false));
        if (withBefore) {
            variants.put(FRESH_BEFORE, new Variant("FreshFakePerTest", true));
        }
        variants.put(ONCE, new Variant("OneFakeStartedOnceTest", false));
        variants.put(PER_CLASS, new Variant("FakePerClassTest", false));
        variants.put(NO_SERVER, new Variant("NoServerTest", false));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "4"));
        Path summary = Path.of(options.getOrDefault("summary", "benchmarks/target/results/summary.md"));
        List<Setup> setups = new ArrayList<>();
        for (String setup : options.getOrDefault("setups", DEFAULT_SETUPS).split(",")) {
            setups.add(Setup.parse(setup));
        }
        Path before = options.containsKey("before") ? Path.of(options.get("before")) : null;
        UserProjectCost cost = new UserProjectCost(Path.of("").toAbsolutePath(), before != null);
        cost.prepareRepository(before);
        List<Result> results = new ArrayList<>();
        for (Setup setup : setups) {
            Result result = cost.measure(setup, rounds);
            result.print();
            results.add(result);
        }
        Files.createDirectories(summary.toAbsolutePath().getParent());
        for (Result result : results) {
            result.report(summary);
        }
    }

    /** The setups measured unless {@code --setups} names others. */
    static final String DEFAULT_SETUPS = "5.13.4,5.13.4+slf4j-simple,6.1.3,5.10.0";

    /**
     * One setup of the user project: its JUnit Jupiter version and whether slf4j-simple is on its test classpath,
     * written {@code 5.13.4} or {@code 5.13.4+slf4j-simple}.
     */
    record Setup(String junit, boolean slf4jSimple) {

        static Setup parse(String text) {
            String[] parts = text.trim().split("\\+");
            if (parts.length > 2 || (parts.length == 2 && !parts[1].equals("slf4j-simple"))) {
                throw new IllegalArgumentException("a setup is VERSION or VERSION+slf4j-simple, not " + text);
            }
            return new Setup(parts[0], parts.length == 2);
        }

        @Override
        public String toString() {
            return "JUnit " + junit + (slf4jSimple ? " with slf4j-simple" : "");
        }

        String directory() {
            return "junit-" + junit + (slf4jSimple ? "-slf4j-simple" : "");
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException(
                        "usage: UserProjectCost [--rounds N] [--setups 5.13.4,5.13.4+slf4j-simple] [--summary FILE] "
                                + "[--before DIR]");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    /** What one setup measured: every variant's counted gaps (ms), one list per round. */
    private record Result(Setup setup, int rounds, Map<String, List<List<Double>>> gaps) {

        double roundMedian(String variant, int round) {
            return Stats.of(gaps.get(variant).get(round)).median();
        }

        /** The rounds' own differences of median gaps, {@code variant - reference}. */
        Stats differences(String variant, String reference) {
            List<Double> differences = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                differences.add(roundMedian(variant, round) - roundMedian(reference, round));
            }
            return Stats.of(differences);
        }

        Stats pooled(String variant) {
            return Stats.of(gaps.get(variant).stream().flatMap(List::stream).toList());
        }

        void print() {
            System.out.println(Report.format(
                    "%s, %d rounds x %d tests per class (gaps from test %d on):",
                    setup, rounds, USER_PROJECT_TESTS, FIRST_COUNTED_TEST));
            System.out.println(
                    Report.format("  %-30s %9s %9s %9s %9s", "class", "gap p50", "gap p10", "gap p90", "gap mean"));
            for (String variant : gaps.keySet()) {
                Stats stats = pooled(variant);
                System.out.println(Report.format(
                        "  %-30s %6.3f ms %6.3f ms %6.3f ms %6.3f ms",
                        variant, stats.median(), stats.percentile(10), stats.percentile(90), stats.mean()));
            }
            List<String> fresh = gaps.containsKey(FRESH_BEFORE) ? List.of(FRESH_BEFORE, FRESH) : List.of(FRESH);
            for (String variant : fresh) {
                for (String reference : List.of(ONCE, PER_CLASS, NO_SERVER)) {
                    Stats differences = differences(variant, reference);
                    System.out.println(Report.format(
                            "  %s minus %s: %.3f ms (median of the rounds' differences; rounds %.3f to %.3f)",
                            variant,
                            reference,
                            differences.median(),
                            differences.percentile(0.0001),
                            differences.percentile(100)));
                }
            }
            if (gaps.containsKey(FRESH_BEFORE)) {
                Stats change = differences(FRESH, FRESH_BEFORE);
                System.out.println(Report.format(
                        "  fresh fake, this build minus before: %.3f ms (rounds %.3f to %.3f)",
                        change.median(), change.percentile(0.0001), change.percentile(100)));
            }
        }

        void report(Path summary) {
            Stats cost = differences(FRESH, ONCE);
            String reference = Report.format(
                    "gap with one fake started once %.2f ms, with a fresh fake %.2f ms; minus the fake per class "
                            + "instead %.2f ms",
                    pooled(ONCE).median(),
                    pooled(FRESH).median(),
                    differences(FRESH, PER_CLASS).median());
            if (gaps.containsKey(FRESH_BEFORE)) {
                reference += Report.format(
                        "; the build before: %.2f ms",
                        differences(FRESH_BEFORE, ONCE).median());
            }
            new Report(summary)
                    .row(
                            Report.format(
                                    "per-test cost of a fresh fake in a user's Maven project, %s, through "
                                            + "Surefire (median gap between test bodies from the %dth of %d on, minus "
                                            + "the same with one fake started once; %d rounds)",
                                    setup, FIRST_COUNTED_TEST, USER_PROJECT_TESTS, rounds),
                            Report.format(
                                    "**%.2f ms** (rounds %.2f to %.2f)",
                                    cost.median(), cost.percentile(0.0001), cost.percentile(100)),
                            reference,
                            "",
                            Report.format("at most %.1f ms", GOAL_MILLIS),
                            cost.median() <= GOAL_MILLIS ? "yes" : "no");
        }
    }

    /** Runs every variant {@code rounds} times in {@code setup}, alternating. */
    private Result measure(Setup setup, int rounds) throws IOException, InterruptedException {
        Path project = work.resolve(setup.directory());
        copyProject(project);
        // resolves the plugins and dependencies (and Surefire's JUnit launcher) of both builds once; not counted
        for (Variant variant : List.of(new Variant("NoServerTest", false), new Variant("NoServerTest", true))) {
            if (!variant.before() || variants.containsKey(FRESH_BEFORE)) {
                runClass(project, setup, variant, false);
            }
        }
        Map<String, List<List<Double>>> gaps = new LinkedHashMap<>();
        variants.keySet().forEach(variant -> gaps.put(variant, new ArrayList<>()));
        for (int round = 1; round <= rounds; round++) {
            List<String> order = new ArrayList<>(variants.keySet());
            if (round % 2 == 0) {
                Collections.reverse(order);
            }
            StringBuilder line = new StringBuilder(Report.format("%s round %d:", setup, round));
            for (String variant : order) {
                List<Double> counted = runClass(project, setup, variants.get(variant), true);
                gaps.get(variant).add(counted);
                line.append(
                        Report.format(" %s %.3f ms;", variant, Stats.of(counted).median()));
            }
            System.out.println(line);
        }
        return new Result(setup, rounds, gaps);
    }

    /** One {@code mvn test} of one class; the counted gaps between its bodies, in milliseconds. */
    private List<Double> runClass(Path project, Setup setup, Variant variant, boolean offline)
            throws IOException, InterruptedException {
        Path times = project.resolve("target/body-times/" + variant.testClass() + ".txt");
        Files.deleteIfExists(times);
        List<String> command = new ArrayList<>(List.of(
                "mvn",
                "-B",
                "-ntp",
                "-s",
                work.resolve("settings.xml").toString(),
                "-Dmaven.repo.local=" + repository,
                "-Djunit.version=" + setup.junit(),
                "-Dpai-workspace-fake.version=" + (variant.before() ? BEFORE_VERSION : version),
                "-Dtest=" + variant.testClass(),
                "test"));
        if (offline) {
            command.add(1, "-o");
        }
        if (setup.slf4jSimple()) {
            command.add(1, "-Dslf4j-simple");
        }
        Path log = project.resolve("mvn-" + variant.testClass() + (variant.before() ? "-before" : "") + ".log");
        Process process = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        if (!finished || process.exitValue() != 0 || !Files.exists(times)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed in " + project + ":\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return countedGaps(Files.readAllLines(times, StandardCharsets.UTF_8));
    }

    /** Gaps (ms) from one body's end to the next one's start, for the bodies from the 100th on. */
    static List<Double> countedGaps(List<String> lines) {
        List<long[]> bodies = lines.stream()
                .filter(line -> !line.isBlank())
                .map(line -> Arrays.stream(line.trim().split(" "))
                        .mapToLong(Long::parseLong)
                        .toArray())
                .toList();
        if (bodies.size() != USER_PROJECT_TESTS) {
            throw new IllegalStateException(bodies.size() + " bodies recorded, not " + USER_PROJECT_TESTS);
        }
        List<Double> gaps = new ArrayList<>();
        for (int i = FIRST_COUNTED_TEST - 1; i < bodies.size(); i++) {
            gaps.add((bodies.get(i)[0] - bodies.get(i - 1)[1]) / 1e6);
        }
        return gaps;
    }

    /** A fresh copy of the user project (sources and pom; the target of an earlier run is dropped). */
    private void copyProject(Path project) throws IOException {
        deleteRecursively(project);
        Path source = root.resolve("benchmarks/src/it/user-project");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = project.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * The private local repository: our freshly built artifacts (and those of {@code before}, under their own
     * version) laid out as {@code mvn install} would lay them (parent POM, server, JUnit extension), and settings that
     * fetch everything else from {@code ~/.m2}'s repository as a remote one, then from Maven Central.
     */
    private void prepareRepository(Path before) throws IOException {
        Files.createDirectories(work);
        deleteRecursively(repository.resolve(GROUP.replace('.', '/')));
        installBuild(root, version, version);
        if (before != null) {
            installBuild(before.toAbsolutePath(), projectVersion(before), BEFORE_VERSION);
        }
        String userRepository = Path.of(System.getProperty("user.home"), ".m2", "repository")
                .toUri()
                .toString();
        Files.writeString(work.resolve("settings.xml"), """
                <settings>
                  <profiles>
                    <profile>
                      <id>user-m2</id>
                      <activation><activeByDefault>true</activeByDefault></activation>
                      <repositories>
                        <repository>
                          <id>user-m2</id>
                          <url>%1$s</url>
                          <releases><enabled>true</enabled></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository>
                          <id>user-m2</id>
                          <url>%1$s</url>
                          <releases><enabled>true</enabled></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                </settings>
                """.formatted(userRepository), StandardCharsets.UTF_8);
    }

    /** Installs the parent POM, server and JUnit extension built in {@code checkout} as version {@code as}. */
    private void installBuild(Path checkout, String built, String as) throws IOException {
        install("pai-workspace-fake-parent", checkout.resolve("pom.xml"), null, built, as);
        install(
                "pai-workspace-fake-server",
                checkout.resolve("fake-server/pom.xml"),
                checkout.resolve("fake-server/target/pai-workspace-fake-server-" + built + ".jar"),
                built,
                as);
        install(
                "pai-workspace-fake-junit",
                checkout.resolve("junit-extension/pom.xml"),
                checkout.resolve("junit-extension/target/pai-workspace-fake-junit-" + built + ".jar"),
                built,
                as);
    }

    private void install(String artifactId, Path pom, Path jar, String built, String as) throws IOException {
        if (jar != null && !Files.exists(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: run mvn package -DskipTests -pl junit-extension -am there first");
        }
        Path dir =
                repository.resolve(GROUP.replace('.', '/')).resolve(artifactId).resolve(as);
        Files.createDirectories(dir);
        String text = Files.readString(pom, StandardCharsets.UTF_8)
                .replace("<version>" + built + "</version>", "<version>" + as + "</version>");
        Files.writeString(dir.resolve(artifactId + "-" + as + ".pom"), text, StandardCharsets.UTF_8);
        if (jar != null) {
            Files.copy(jar, dir.resolve(artifactId + "-" + as + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The version a checkout builds: its parent POM's own. */
    private static String projectVersion(Path checkout) {
        try {
            String pom = Files.readString(checkout.resolve("pom.xml"), StandardCharsets.UTF_8);
            int artifact = pom.indexOf("<artifactId>pai-workspace-fake-parent</artifactId>");
            int start = pom.indexOf("<version>", artifact) + "<version>".length();
            return pom.substring(start, pom.indexOf("</version>", start)).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}

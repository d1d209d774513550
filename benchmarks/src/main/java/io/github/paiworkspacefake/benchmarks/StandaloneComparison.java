package io.github.paiworkspacefake.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standalone fake beside a bare Javalin app ({@link BareJavalinApp}), each in its own JVM, measured from outside:
 * GetWorkspace throughput under wrk, ListWorkspaces with 100,000 stored workspaces, first answer after
 * {@code java -jar} and after {@code docker run}, and a JFR profile under load. Run:
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.paiworkspacefake.benchmarks.StandaloneComparison \
 *     --fake-jar fake-server/target/pai-workspace-fake-server.jar --javalin-jar benchmarks/target/bare-javalin.jar \
 *     --out benchmarks/target/results [--image TAG] [--sections throughput,list,jar,container,profile] \
 *     [--seconds 3] [--rounds 10] [--warmup 15] [--start-rounds 7]
 * </pre>
 * Each server is warmed up with wrk for {@code --warmup} seconds before {@code --rounds} measured runs of
 * {@code --seconds} each, the two servers alternating; start-ups alternate too, after one round not counted.
 * Rows go to {@code OUT/summary.md} (see {@link Report}).
 */
public final class StandaloneComparison {

    private static final String ALL_SECTIONS = "throughput,durable,list,jar,container,profile";
    private static final String GET_PATH = "/api/v1/workspaces/";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern WORKSPACE_ID = Pattern.compile("\"WorkspaceId\":\"([^\"]+)\"");
    private static final Predicate<HttpResponse<byte[]>> FROM_THE_FAKE =
            response -> response.headers().firstValue("x-acs-request-id").isPresent();

    private final Map<String, String> options;
    private final Path fakeJar;
    private final Path javalinJar;
    private final Path out;
    private final Report report;
    private final int seconds;
    private final int rounds;
    private final int startRounds;
    private final int warmupSeconds;
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Path bodyFile;
    private byte[] body;

    private StandaloneComparison(Map<String, String> options) {
        this.options = options;
        this.fakeJar = Path.of(required(options, "--fake-jar"));
        this.javalinJar = Path.of(required(options, "--javalin-jar"));
        this.out = Path.of(options.getOrDefault("--out", "benchmarks/target/results"));
        this.report = new Report(out.resolve("summary.md"));
        this.seconds = Integer.parseInt(options.getOrDefault("--seconds", "3"));
        this.rounds = Integer.parseInt(options.getOrDefault("--rounds", "10"));
        this.startRounds = Integer.parseInt(options.getOrDefault("--start-rounds", "7"));
        this.warmupSeconds = Integer.parseInt(options.getOrDefault("--warmup", "15"));
    }

    /** Runs the sections named by {@code --sections} (all by default), in the order given. */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        StandaloneComparison comparison = new StandaloneComparison(options);
        Files.createDirectories(comparison.out);
        for (String section : options.getOrDefault("--sections", ALL_SECTIONS).split(",")) {
            System.out.println("== " + section);
            switch (section.trim()) {
                case "throughput" -> comparison.throughput();
                case "durable" -> comparison.durableCreates();
                case "list" -> comparison.listWorkspaces();
                case "jar" -> comparison.jarStart();
                case "container" -> comparison.containerStart();
                case "profile" -> comparison.profile();
                default ->
                    throw new IllegalArgumentException("unknown section " + section + "; known: " + ALL_SECTIONS);
            }
        }
    }

    /** GetWorkspace requests per second, the fake with default flags beside the bare Javalin route, alternating. */
    private void throughput() {
        try (Server fake = startFake(List.of(), List.of(), "fake-throughput")) {
            String fakeUrl = fake.url(GET_PATH + createWorkspace(fake));
            try (Server javalin = startJavalin("javalin-throughput")) {
                compareThroughput(fakeUrl, javalin.url(GET_PATH + "100001"));
            }
        }
    }

    private void compareThroughput(String fakeUrl, String javalinUrl) {
        Wrk.run(fakeUrl, warmupSeconds);
        Wrk.run(javalinUrl, warmupSeconds);
        Paired rates = Paired.measure(
                rounds,
                false,
                "GetWorkspace, fake vs bare Javalin",
                "req/s",
                () -> Wrk.run(fakeUrl, seconds).requestsPerSecond(),
                () -> Wrk.run(javalinUrl, seconds).requestsPerSecond());
        report.row(
                "standalone GetWorkspace throughput, default flags, wrk 2 threads x 32 connections, " + rounds
                        + " alternating rounds of " + seconds + " s after " + warmupSeconds + " s of warm-up each",
                Report.format("%.0f req/s", rates.measuredMedian()),
                Report.format("bare Javalin %.0f req/s", rates.referenceMedian()),
                Report.format("%.2f (rounds %s)", rates.ratio(), rates.ratioRange()),
                "at least 0.85",
                rates.ratio() >= 0.85 ? "yes" : "no");
    }

    /**
     * The cost of durability: CreateWorkspace requests per second (wrk with a Lua script, each request a new name)
     * against the fake with {@code --data-dir} on a directory under {@code --out}, beside the same jar in memory,
     * alternating. Each run starts from an empty state ({@code POST /__admin/reset}), so the 100,000-workspace limit
     * is never reached and both fakes hold as much; every create with a data directory is forced to disk before it
     * is answered. GetWorkspace on the durable fake is measured too: reads cost nothing extra.
     */
    private void durableCreates() throws IOException {
        Path script = out.resolve("create-workspace.lua");
        Files.writeString(script, CREATE_SCRIPT);
        Path dataDir = out.resolve("data-dir");
        deleteRecursively(dataDir);
        try (Server memory = startFake(List.of(), List.of("--admin"), "fake-creates-in-memory");
                Server durable = startFake(
                        List.of(), List.of("--admin", "--data-dir", dataDir.toString()), "fake-creates-data-dir")) {
            String memoryUrl = memory.url("/api/v1/workspaces");
            String durableUrl = durable.url("/api/v1/workspaces");
            DoubleSupplier inMemory = () -> createsPerSecond(memory, memoryUrl, script);
            DoubleSupplier withDataDir = () -> createsPerSecond(durable, durableUrl, script);
            for (int i = 0; i < Math.max(1, warmupSeconds / seconds); i++) {
                inMemory.getAsDouble();
                withDataDir.getAsDouble();
            }
            Paired rates = Paired.measure(
                    rounds, false, "CreateWorkspace, --data-dir vs in memory", "req/s", withDataDir, inMemory);
            report.row(
                    "standalone CreateWorkspace throughput with `--data-dir` (each create forced to disk before its"
                            + " answer), wrk 2 x 32, " + rounds + " alternating rounds of " + seconds + " s",
                    Report.format("%.0f req/s", rates.measuredMedian()),
                    Report.format("the same jar in memory: %.0f req/s", rates.referenceMedian()),
                    Report.format("%.2f (rounds %s)", rates.ratio(), rates.ratioRange()),
                    "the cost shown",
                    "see notes");
            String durableGet = durable.url(GET_PATH + createWorkspace(durable));
            String memoryGet = memory.url(GET_PATH + createWorkspace(memory));
            Wrk.run(durableGet, Math.max(1, warmupSeconds / 2));
            Wrk.run(memoryGet, Math.max(1, warmupSeconds / 2));
            Paired reads = Paired.measure(
                    Math.max(2, rounds / 2),
                    false,
                    "GetWorkspace, --data-dir vs in memory",
                    "req/s",
                    () -> Wrk.run(durableGet, seconds).requestsPerSecond(),
                    () -> Wrk.run(memoryGet, seconds).requestsPerSecond());
            report.row(
                    "standalone GetWorkspace throughput with `--data-dir`, wrk 2 x 32",
                    Report.format("%.0f req/s", reads.measuredMedian()),
                    Report.format("the same jar in memory: %.0f req/s", reads.referenceMedian()),
                    Report.format("%.2f (rounds %s)", reads.ratio(), reads.ratioRange()),
                    "at least 0.85: reads cost nothing extra",
                    reads.ratio() >= 0.85 ? "yes" : "no");
        }
    }

    /** Empties the fake's state, then measures creates per second for one round. */
    private double createsPerSecond(Server fake, String url, Path script) {
        send(HttpRequest.newBuilder(URI.create(fake.url("/__admin/reset")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
        return Wrk.run(url, seconds, script).requestsPerSecond();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Each of wrk's threads creates workspaces named b{thread}_{n}; names are unique until the next reset. */
    private static final String CREATE_SCRIPT = """
            local threads = 0
            function setup(thread)
              threads = threads + 1
              thread:set("tid", threads)
            end
            local counter = 0
            request = function()
              counter = counter + 1
              return wrk.format("POST", nil, {["Content-Type"] = "application/json"},
                '{"WorkspaceName":"b' .. tid .. '_' .. counter .. '","Description":"d","EnvTypes":["prod"]}')
            end
            """;

    /** ListWorkspaces (a page of 20) with 100,000 stored workspaces beside GetWorkspace, on one fake. */
    private void listWorkspaces() throws IOException {
        int count = 100_000;
        Path seed = out.resolve("seed-100000.json");
        SeedFile.write(seed, count);
        try (Server fake = startFake(List.of(), List.of("--seed", seed.toString()), "fake-list")) {
            System.out.println(Report.format(
                    "seeded %d workspaces: first answer %.0f ms after java -jar", count, fake.firstAnswerMillis()));
            Map<String, String> urls = new LinkedHashMap<>();
            urls.put("GetWorkspace", fake.url(GET_PATH + (SeedFile.FIRST_ID + count / 2)));
            urls.put("ListWorkspaces, first page of 20", fake.url("/api/v1/workspaces?PageNumber=1&PageSize=20"));
            urls.put(
                    "ListWorkspaces, page 2,500 of 5,000 (the middle: reads 50,000)",
                    fake.url("/api/v1/workspaces?PageNumber=2500&PageSize=20"));
            urls.put(
                    "ListWorkspaces, last page, newest first",
                    fake.url("/api/v1/workspaces?PageNumber=5000&PageSize=20&Order=DESC"));
            String firstPage = getText(URI.create(urls.get("ListWorkspaces, first page of 20")));
            if (!firstPage.contains("\"TotalCount\":" + count)) {
                throw new IllegalStateException("the seeded fake does not list " + count + " workspaces: " + firstPage);
            }
            String get = urls.remove("GetWorkspace");
            urls.forEach((name, url) -> Wrk.run(url, Math.max(1, warmupSeconds / 2)));
            Wrk.run(get, Math.max(1, warmupSeconds / 2));
            urls.forEach((name, url) -> {
                Paired rates = Paired.measure(
                        Math.max(2, rounds / 2),
                        false,
                        name + " vs GetWorkspace",
                        "req/s",
                        () -> Wrk.run(url, seconds).requestsPerSecond(),
                        () -> Wrk.run(get, seconds).requestsPerSecond());
                report.row(
                        name + ", 100,000 stored, wrk 2 x 32",
                        Report.format("%.0f req/s", rates.measuredMedian()),
                        Report.format("GetWorkspace %.0f req/s (same fake)", rates.referenceMedian()),
                        Report.format("%.2f (rounds %s)", rates.ratio(), rates.ratioRange()),
                        "a page without sorting everything",
                        "see notes");
            });
        }
    }

    /** First answer after {@code java -jar}: the fake's jar beside the bare Javalin app's, alternating rounds. */
    private void jarStart() {
        ensureBody();
        Paired starts = Paired.measure(
                startRounds,
                true,
                "first answer, fake jar vs bare Javalin jar",
                "ms",
                () -> firstAnswerOf(startFake(List.of(), List.of(), "fake-start")),
                () -> firstAnswerOf(startJavalin("javalin-start")));
        report.row(
                "standalone jar: first answer after java -jar, " + startRounds + " alternating rounds",
                Report.format("%.0f ms", starts.measuredMedian()),
                Report.format("bare Javalin jar %.0f ms", starts.referenceMedian()),
                Report.format("%.2f (rounds %s)", starts.ratio(), starts.ratioRange()),
                "within 10% (at most 1.10)",
                starts.ratio() <= 1.10 ? "yes" : "no");

        Path archive = recordArchive();
        Paired archived = Paired.measure(
                Math.max(3, startRounds / 2),
                false,
                "first answer, fake jar with the image's archive vs bare Javalin jar",
                "ms",
                () -> firstAnswerOf(startFake(
                        List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"), List.of(), "fake-start-cds")),
                () -> firstAnswerOf(startJavalin("javalin-start")));
        report.note(Report.format(
                "Jar start-up with the class-data sharing archive the image records (CdsTraining, "
                        + "-XX:SharedArchiveFile), on the host: %.0f ms beside the bare Javalin jar's %.0f ms, ratio %.2f "
                        + "(rounds %s).",
                archived.measuredMedian(), archived.referenceMedian(), archived.ratio(), archived.ratioRange()));
    }

    /** Records the archive the image's build records, from the same training run, on the host. */
    private Path recordArchive() {
        Path archive = out.resolve("fake-host.jsa");
        try {
            Files.deleteIfExists(archive);
            Process training = new ProcessBuilder(
                            ServerProcess.javaBinary(),
                            "-XX:ArchiveClassesAtExit=" + archive,
                            "-cp",
                            fakeJar.toString(),
                            "io.github.paiworkspacefake.server.standalone.CdsTraining")
                    .redirectErrorStream(true)
                    .redirectOutput(out.resolve("cds-training.log").toFile())
                    .start();
            if (!training.waitFor(5, TimeUnit.MINUTES) || training.exitValue() != 0 || !Files.exists(archive)) {
                throw new IllegalStateException("the CDS training run failed; see " + out.resolve("cds-training.log"));
            }
            return archive;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** First answer after {@code docker run} of the image beside the bare Javalin app's after {@code java -jar}. */
    private void containerStart() throws IOException, InterruptedException {
        String image = options.get("--image");
        if (image == null || image.isBlank()) {
            skipContainer("no --image given");
            return;
        }
        Process info = new ProcessBuilder("docker", "info")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!info.waitFor(30, TimeUnit.SECONDS) || info.exitValue() != 0) {
            skipContainer("no Docker engine answers (docker info failed)");
            return;
        }
        Process inspect = new ProcessBuilder("docker", "image", "inspect", image)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!inspect.waitFor(30, TimeUnit.SECONDS) || inspect.exitValue() != 0) {
            skipContainer("no image " + image + " (build it with docker/build-image.sh " + image + ")");
            return;
        }
        ensureBody();
        int[] containers = {0};
        Paired starts = Paired.measure(
                startRounds,
                true,
                "first answer, container vs bare Javalin jar",
                "ms",
                () -> firstAnswerOf(startContainer(image, containers[0]++)),
                () -> firstAnswerOf(startJavalin("javalin-start")));
        report.row(
                "container: first answer after docker run, " + startRounds + " alternating rounds",
                Report.format("%.0f ms", starts.measuredMedian()),
                Report.format("bare Javalin jar on the host %.0f ms", starts.referenceMedian()),
                Report.format("%.2f (rounds %s)", starts.ratio(), starts.ratioRange()),
                "no slower (at most 1.00)",
                starts.ratio() <= 1.0 ? "yes" : "no");

        List<Double> floor = new ArrayList<>();
        for (int round = 0; round < startRounds; round++) {
            floor.add(dockerRunFloor(image, round));
        }
        report.note(Report.format(
                "Docker's own share of the container's first answer: `docker run -d` of the same "
                        + "image with the same port published and a shell that does nothing instead of the fake returns "
                        + "after %.0f ms (median of %d); the rest is the fake's JVM.",
                Stats.of(floor).median(), floor.size()));
    }

    /** Milliseconds until {@code docker run -d} of the image with a do-nothing shell instead of the fake returns. */
    private double dockerRunFloor(String image, int round) {
        String name =
                "pai-workspace-fake-bench-floor-" + ProcessHandle.current().pid() + "-" + round;
        List<String> command = List.of(
                "docker",
                "run",
                "--rm",
                "-d",
                "--name",
                name,
                "-p",
                "127.0.0.1:" + FreePort.pick() + ":8080",
                "--entrypoint",
                "/bin/sh",
                image,
                "-c",
                "sleep 60");
        long start = System.nanoTime();
        try {
            Process run = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!run.waitFor(2, TimeUnit.MINUTES) || run.exitValue() != 0) {
                throw new IllegalStateException("docker run failed: " + command);
            }
            double millis = (System.nanoTime() - start) / 1e6;
            System.out.println(
                    Report.format("docker run -d, a shell instead of the fake, round %d: %.0f ms", round + 1, millis));
            return millis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            try {
                new ProcessBuilder("docker", "rm", "-f", name)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start()
                        .waitFor(1, TimeUnit.MINUTES);
            } catch (IOException e) {
                System.out.println("could not remove container " + name + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** GetWorkspace under wrk for 20 s with a JFR recording; prints the hottest methods (see {@link Hotspots}). */
    private void profile() throws IOException {
        Path recording = out.resolve("fake-under-load.jfr");
        Files.deleteIfExists(recording);
        List<String> jfr =
                List.of("-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true");
        try (Server fake = startFake(jfr, List.of(), "fake-profile")) {
            String url = fake.url(GET_PATH + createWorkspace(fake));
            Wrk.run(url, warmupSeconds);
            System.out.println(
                    Report.format("under JFR: %.0f req/s", Wrk.run(url, 20).requestsPerSecond()));
        }
        Hotspots.print(recording, 15);
    }

    private void skipContainer(String why) {
        System.out.println("container: skipped, " + why);
        report.row("container: first answer after docker run", "skipped: " + why, "", "", "no slower", "not measured");
    }

    private double firstAnswerOf(Server server) {
        try (server) {
            return server.firstAnswerMillis();
        }
    }

    private Server startFake(List<String> jvmFlags, List<String> fakeFlags, String name) {
        int port = FreePort.pick();
        List<String> command = new ArrayList<>();
        command.add(ServerProcess.javaBinary());
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", fakeJar.toString(), "--port", Integer.toString(port)));
        command.addAll(fakeFlags);
        return Server.start(
                ServerProcess.start(name, command, out.resolve(name + ".log"), List.of()), port, FROM_THE_FAKE);
    }

    private Server startJavalin(String name) {
        ensureBody();
        int port = FreePort.pick();
        List<String> command = List.of(
                ServerProcess.javaBinary(), "-jar", javalinJar.toString(), Integer.toString(port), bodyFile.toString());
        return Server.start(
                ServerProcess.start(name, command, out.resolve(name + ".log"), List.of()),
                port,
                response -> response.statusCode() == 200 && Arrays.equals(response.body(), body));
    }

    private Server startContainer(String image, int round) {
        int port = FreePort.pick();
        String name = "pai-workspace-fake-bench-" + ProcessHandle.current().pid() + "-" + (round + 1);
        List<String> command =
                List.of("docker", "run", "--rm", "-d", "--name", name, "-p", "127.0.0.1:" + port + ":8080", image);
        return Server.start(
                ServerProcess.start(
                        "container " + name,
                        command,
                        out.resolve("container-start.log"),
                        List.of("docker", "rm", "-f", name)),
                port,
                FROM_THE_FAKE);
    }

    /** The bytes the bare Javalin app serves: a GetWorkspace answer of the fake, fetched once. */
    private void ensureBody() {
        if (body != null) {
            return;
        }
        try (Server fake = startFake(List.of(), List.of(), "fake-body")) {
            createWorkspace(fake);
        }
    }

    /** CreateWorkspace through the API; returns the new workspace's id. The first call also fixes the bare app's bytes. */
    private String createWorkspace(Server fake) {
        String json = "{\"WorkspaceName\":\"bench_ws\",\"Description\":\"benchmark\",\"EnvTypes\":[\"prod\"]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(fake.url("/api/v1/workspaces")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        String answer = send(request);
        Matcher id = WORKSPACE_ID.matcher(answer);
        if (!id.find()) {
            throw new IllegalStateException("CreateWorkspace did not answer an id: " + answer);
        }
        if (body == null) {
            try {
                body = getText(URI.create(fake.url(GET_PATH + id.group(1)))).getBytes(StandardCharsets.UTF_8);
                bodyFile = out.resolve("get-workspace-answer.json");
                Files.write(bodyFile, body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return id.group(1);
    }

    private String getText(URI uri) {
        return send(HttpRequest.newBuilder(uri).build());
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    /** A started server process that has answered once, on its loopback port. */
    private record Server(ServerProcess process, int port, double firstAnswerMillis) implements AutoCloseable {

        static Server start(ServerProcess process, int port, Predicate<HttpResponse<byte[]>> fromTheServer) {
            try {
                double millis = process.awaitFirstAnswer(
                        URI.create("http://127.0.0.1:" + port + GET_PATH + "100001"), fromTheServer, START_TIMEOUT);
                return new Server(process, port, millis);
            } catch (RuntimeException e) {
                process.close();
                throw e;
            }
        }

        String url(String pathAndQuery) {
            return "http://127.0.0.1:" + port + pathAndQuery;
        }

        @Override
        public void close() {
            process.close();
        }
    }
}

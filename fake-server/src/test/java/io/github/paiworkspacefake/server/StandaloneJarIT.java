package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The packaged jar, run as users run it: {@code java -jar fake-server/target/pai-workspace-fake-server.jar}. */
class StandaloneJarIT {

    private static final Pattern LISTENING = RunningJar.LISTENING;

    private static Process java(String... args) throws IOException {
        return RunningJar.java(List.of(), args);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void helpPrintsUsageAndExitsZero() throws Exception {
        Process process = java("--help");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(output).contains("--port", "--host", "--region", "default 8080");
    }

    @Test
    void unknownFlagExitsWithUsageError() throws Exception {
        Process process = java("--bogus");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("unknown option --bogus", "Usage:");
    }

    @Test
    void servesTheApiLogsEachRequestAndStopsCleanlyOnSigterm() throws Exception {
        try (RunningJar jar = new RunningJar("--port", "0", "--region", "cn-shanghai")) {
            String baseUrl = jar.awaitLine(LISTENING).group(1);
            HttpResponse<String> created = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/workspaces"))
                                    .header("Content-Type", "application/json")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    "{\"WorkspaceName\":\"from_jar\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(created.statusCode()).isEqualTo(200);
            assertThat(jar.awaitLine(Pattern.compile("POST /api/v1/workspaces -> 200"))
                            .group())
                    .isNotEmpty();
            assertThat(jar.terminate()).as("stops within 20 s of SIGTERM").isTrue();
            assertThat(jar.awaitLine(Pattern.compile("fake stopped")).group()).isNotEmpty();
        }
    }

    @Test
    void readsAreAnsweredWithoutLoadingWhatTheFlagsDoNotUse(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path classes = dir.resolve("classes.log");
        try (RunningJar jar = new RunningJar(List.of("-Xlog:class+load=info:file=" + classes), "--port", "0")) {
            String baseUrl = jar.awaitLine(LISTENING).group(1);
            assertThat(get(baseUrl + "/api/v1/workspaces/100001").statusCode()).isEqualTo(404);
            assertThat(get(baseUrl + "/api/v1/workspaces").statusCode()).isEqualTo(200);
            assertThat(jar.terminate()).isTrue();
        }

        // no access key: no signature checking; no request body, seed, snapshot or admin call: no jackson-databind
        assertThat(Files.readAllLines(classes))
                .as("classes loaded by a start and two reads")
                .anySatisfy(line -> assertThat(line).contains("com.fasterxml.jackson.core.JsonFactory "))
                .noneSatisfy(line -> assertThat(line).contains("com.fasterxml.jackson.databind."))
                .noneSatisfy(line -> assertThat(line).contains(".internal.signature.SignatureVerifier "))
                .noneSatisfy(line -> assertThat(line).contains(".internal.signature.RoaSignatureVerifier "));
    }

    @Test
    void seedFlagStartsWithTheSeededWorkspaces(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path seed = Files.writeString(
                dir.resolve("seed.json"),
                "{\"workspaces\":[{\"WorkspaceId\":\"4242\",\"WorkspaceName\":\"seeded_jar\",\"IsDefault\":true}]}");
        try (RunningJar jar = new RunningJar("--port", "0", "--seed", seed.toString())) {
            HttpResponse<String> found = get(jar.awaitLine(LISTENING).group(1) + "/api/v1/defaultWorkspaces");

            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.body()).contains("\"WorkspaceName\":\"seeded_jar\"");
        }
    }

    @Test
    void invalidSeedFileExitsWithAClearError(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path seed = Files.writeString(dir.resolve("bad-seed.json"), "{\"workspaces\":[{\"Colour\":1}]}");
        Process process = java("--seed", seed.toString());
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("bad-seed.json");
    }

    @Test
    void accessKeyFlagTurnsStrictSignaturesOn() throws Exception {
        try (RunningJar jar = new RunningJar("--port", "0", "--access-key", "LTAI5tJarKey:JarSecret")) {
            HttpResponse<String> unsigned = get(jar.awaitLine(LISTENING).group(1) + "/api/v1/defaultWorkspaces");

            assertThat(unsigned.statusCode()).isEqualTo(400);
            assertThat(unsigned.body()).contains("\"Code\":\"IncompleteSignature\"");
        }
    }

    @Test
    void adminEqualsTrueServesTheAdminApiInsteadOfHanging() throws Exception {
        try (RunningJar jar = new RunningJar("--port", "0", "--admin=true")) {
            HttpResponse<String> snapshot = get(jar.awaitLine(LISTENING).group(1) + "/__admin/snapshot");

            assertThat(snapshot.statusCode()).isEqualTo(200);
            assertThat(snapshot.body()).contains("\"workspaces\"");
        }
    }

    @Test
    void theStartUpLineSaysWhereTheConsoleIsAndWhoMayOpenIt() throws Exception {
        try (RunningJar jar = new RunningJar("--port", "0", "--admin", "--admin-allow", "172.16.0.0/12")) {
            Matcher line = jar.awaitLine(Pattern.compile("listening on (http://\\S+) .*Console: (http://\\S+) "
                    + "\\(admin API under /__admin\\), for loopback clients and 172\\.16\\.0\\.0/12\\."));
            HttpResponse<String> page = get(line.group(2));

            assertThat(line.group(2)).isEqualTo(line.group(1) + "/__admin/console");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
            assertThat(page.body()).contains("<title>PAI Workspace fake · console</title>");
        }
        try (RunningJar jar = new RunningJar("--port", "0", "--admin")) {
            assertThat(jar.awaitLine(Pattern.compile(
                                    "Console: \\S+ \\(admin API under /__admin\\), for loopback " + "clients only\\."))
                            .group())
                    .isNotEmpty();
        }
        try (RunningJar jar = new RunningJar("--port", "0")) {
            Matcher line = jar.awaitLine(Pattern.compile(
                    "listening on (http://\\S+) .*Console and admin API off \\(--admin turns them on\\)"));

            assertThat(get(line.group(1) + "/__admin/console").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void readsOfTheAdminApiWhichTheConsolePollsAreNotLoggedButChangesAre() throws Exception {
        try (RunningJar jar = new RunningJar("--port", "0", "--admin")) {
            String baseUrl = jar.awaitLine(LISTENING).group(1);
            get(baseUrl + "/__admin/state");
            get(baseUrl + "/api/v1/defaultWorkspaces");
            HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(baseUrl + "/__admin/reset"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            List<String> logged = new ArrayList<>();
            Pattern reset = Pattern.compile("POST /__admin/reset -> 200");
            while (logged.stream().noneMatch(line -> reset.matcher(line).find())) {
                String line = jar.lines.poll(30, TimeUnit.SECONDS);
                assertThat(line).as("a log line within 30 s; so far " + logged).isNotNull();
                logged.add(line);
            }
            assertThat(logged)
                    .anySatisfy(line -> assertThat(line).contains("GET /api/v1/defaultWorkspaces -> 404"))
                    .noneSatisfy(line -> assertThat(line).contains("/__admin/state"));
        }
    }

    @Test
    void aSwitchWithAnotherValueExitsWithAUsageError() throws Exception {
        Process process = java("--admin=yes");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("--admin takes no value or =true or =false, got --admin=yes", "Usage:");
    }

    @Test
    void createAfterSeedingWithTheIdsTheSequenceWouldHandOutSucceeds(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path seed = Files.writeString(
                dir.resolve("snapshot.json"),
                "{\"workspaces\":[{\"WorkspaceId\":\"100001\","
                        + "\"WorkspaceName\":\"restored_one\"},{\"WorkspaceId\":\"100002\",\"WorkspaceName\":\"restored_two\"}]}");
        try (RunningJar jar = new RunningJar("--port", "0", "--seed", seed.toString())) {
            HttpResponse<String> created = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create(jar.awaitLine(LISTENING).group(1) + "/api/v1/workspaces"))
                                    .header("Content-Type", "application/json")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    "{\"WorkspaceName\":\"after_seed\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(created.statusCode()).isEqualTo(200);
            assertThat(created.body()).contains("\"WorkspaceId\":\"100003\"");
        }
    }

    @Test
    void aSeedWhoseWorkspacesClashExitsNamingTheProblem(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path seed = Files.writeString(
                dir.resolve("clash.json"),
                "{\"workspaces\":[{\"WorkspaceId\":\"7\",\"WorkspaceName\":\"a_ws\"},"
                        + "{\"WorkspaceId\":\"7\",\"WorkspaceName\":\"b_ws\"}]}");
        Process process = java("--seed", seed.toString());
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("clash.json", "WorkspaceId \"7\" appears twice");
    }
}

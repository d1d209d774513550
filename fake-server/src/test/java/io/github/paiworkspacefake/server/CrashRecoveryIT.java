package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.paiworkspacefake.testsupport.OfficialSdk;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone jar with {@code --data-dir}, killed with SIGKILL at random moments while real clients (the official
 * SDK's runtime, several threads) create and delete workspaces, add members and create models (the resource engine),
 * and restarted on the same directory,
 * many times. After every restart: every acknowledged change is there; every refused or unanswered one is either
 * wholly there (a workspace with its owner as member) or wholly absent, and stays so; no id is handed out twice.
 * Compaction is made frequent ({@code pai-workspace-fake.data.compaction-bytes}) so that kills land in it too.
 *
 * <p>{@code -Dcrash.rounds=N} sets the number of kills (default 8, about 40 seconds); {@code -Dcrash.seed=S} replays a run.
 */
class CrashRecoveryIT {

    private static final Path JAR =
            Path.of(System.getProperty("standalone.jar", "target/pai-workspace-fake-server.jar"));
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER_ID = "210000000000000001";
    private static final String ROLE = "PAI.AlgoDeveloper";
    private static final int CLIENTS = 4;

    @TempDir
    Path dir;

    /** What the test knows of one workspace it asked for. */
    private static final class Known {
        final String name;
        /** The id an answer gave, or that a restart showed. */
        volatile String id;
        /** The create was answered 200. */
        volatile boolean created;
        /** The create got no answer or an error: it may or may not have happened. */
        volatile boolean createUncertain;
        /** A restart showed it absent after an uncertain create: it must never appear. */
        volatile boolean neverCreated;
        /** A delete was answered 200. */
        volatile boolean deleted;
        /** A delete was sent and got no answer or an error. */
        volatile boolean deleteUncertain;
        /** CreateMember of the RAM user was answered 200. */
        volatile boolean memberAdded;

        Known(String name) {
            this.name = name;
        }
    }

    private final Map<String, Known> known = new ConcurrentHashMap<>();
    /** Models whose CreateModel was answered 200: model id to the workspace it is in. */
    private final Map<String, Known> acknowledgedModels = new ConcurrentHashMap<>();

    private final Set<String> acknowledgedIds = ConcurrentHashMap.newKeySet();

    /** The jar with its output collected; killed with SIGKILL or stopped with SIGTERM. */
    private static final class Jar implements AutoCloseable {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final List<String> output = new CopyOnWriteArrayList<>();

        Jar(Path dataDir) throws IOException {
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(
                            java,
                            "-Dpai-workspace-fake.data.compaction-bytes=16384",
                            "-jar",
                            JAR.toString(),
                            "--port",
                            "0",
                            "--admin",
                            "--data-dir",
                            dataDir.toString())
                    .redirectErrorStream(true)
                    .start();
            Thread reader = new Thread(() -> {
                try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    in.lines().filter(line -> !line.contains(" -> 200 (")).forEach(line -> {
                        output.add(line);
                        lines.add(line);
                    });
                } catch (IOException | UncheckedIOException ignored) {
                    // the process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        int awaitPort() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null) {
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        return Integer.parseInt(matcher.group(1));
                    }
                }
                if (!process.isAlive() && lines.isEmpty()) {
                    break;
                }
            }
            throw new AssertionError("the jar did not start on its data directory:\n" + String.join("\n", output));
        }

        void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void everyAcknowledgedChangeSurvivesSigkillAtRandomMoments() throws Exception {
        int rounds = Integer.getInteger("crash.rounds", 8);
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        System.out.println("CrashRecoveryIT: " + rounds + " rounds, -Dcrash.seed=" + seed);
        int warnings = 0;
        for (int round = 1; round <= rounds; round++) {
            Jar jar = new Jar(dir);
            int port = jar.awaitPort();
            String baseUrl = "http://127.0.0.1:" + port;
            verify(baseUrl, round);
            if (round == 1) {
                HttpResponse<String> user =
                        post(baseUrl + "/__admin/users", "{\"UserId\":\"" + USER_ID + "\",\"UserName\":\"alice\"}");
                assertThat(user.statusCode()).isEqualTo(200);
            }
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Random own = new Random(random.nextLong());
                String prefix = "r" + round + "_c" + c + "_";
                Thread client =
                        new Thread(() -> load(new OfficialSdk("127.0.0.1:" + port, "ak", "sk"), own, prefix, running));
                client.start();
                clients.add(client);
            }
            Thread.sleep(200 + random.nextInt(1300));
            jar.kill();
            running.set(false);
            for (Thread client : clients) {
                client.join(TimeUnit.SECONDS.toMillis(60));
            }
            warnings += (int)
                    jar.output.stream().filter(line -> line.contains("WARN")).count();
        }
        try (Jar last = new Jar(dir)) {
            String baseUrl = "http://127.0.0.1:" + last.awaitPort();
            verify(baseUrl, rounds + 1);
            long acknowledged = known.values().stream().filter(k -> k.created).count();
            System.out.println("CrashRecoveryIT: " + known.size() + " workspaces asked for, " + acknowledged
                    + " creates acknowledged, "
                    + known.values().stream().filter(k -> k.deleted).count()
                    + " deletes acknowledged, "
                    + known.values().stream().filter(k -> k.memberAdded).count()
                    + " members acknowledged, " + acknowledgedModels.size() + " models acknowledged, " + warnings
                    + " warning line(s) at starts");
            assertThat(acknowledged).as("creates acknowledged over all rounds").isGreaterThan(rounds);
        }
    }

    /** Creates, deletes and adds members until told to stop, noting what was answered. */
    private void load(OfficialSdk sdk, Random random, String prefix, AtomicBoolean running) {
        int next = 0;
        while (running.get()) {
            int pick = random.nextInt(100);
            List<Known> present = known.values().stream()
                    .filter(k -> k.created && !k.deleted && !k.deleteUncertain)
                    .toList();
            if (pick < 60 || present.isEmpty()) {
                Known workspace = new Known(prefix + next++);
                known.put(workspace.name, workspace);
                try {
                    Map<String, Object> body = OfficialSdk.body(sdk.createWorkspace(Map.of(
                            "WorkspaceName",
                            workspace.name,
                            "Description",
                            "crash test",
                            "EnvTypes",
                            List.of("prod"))));
                    workspace.id = String.valueOf(body.get("WorkspaceId"));
                    workspace.created = true;
                    acknowledgedIds.add(workspace.id);
                } catch (Exception unansweredOrRefused) {
                    workspace.createUncertain = true;
                }
            } else if (pick < 85) {
                Known workspace = present.get(random.nextInt(present.size()));
                synchronized (workspace) {
                    if (workspace.deleted || workspace.deleteUncertain) {
                        continue;
                    }
                    try {
                        sdk.deleteWorkspace(workspace.id);
                        workspace.deleted = true;
                    } catch (Exception unansweredOrRefused) {
                        workspace.deleteUncertain = true;
                    }
                }
            } else if (pick < 93) {
                Known workspace = present.get(random.nextInt(present.size()));
                try {
                    Map<String, Object> body = OfficialSdk.body(sdk.call(
                            OfficialSdk.params("CreateModel", "POST", "/api/v1/models"),
                            new com.aliyun.teaopenapi.models.OpenApiRequest()
                                    .setBody(Map.of(
                                            "ModelName", prefix + "model_" + next++, "WorkspaceId", workspace.id))));
                    acknowledgedModels.put(String.valueOf(body.get("ModelId")), workspace);
                } catch (Exception unansweredOrRefused) {
                    // a model that may or may not have been created: either is right
                }
            } else {
                Known workspace = present.get(random.nextInt(present.size()));
                synchronized (workspace) {
                    if (workspace.memberAdded || workspace.deleted || workspace.deleteUncertain) {
                        continue;
                    }
                    try {
                        sdk.call(
                                OfficialSdk.params(
                                        "CreateMember", "POST", "/api/v1/workspaces/" + workspace.id + "/members"),
                                new com.aliyun.teaopenapi.models.OpenApiRequest()
                                        .setBody(Map.of(
                                                "Members",
                                                List.of(Map.of("UserId", USER_ID, "Roles", List.of(ROLE))))));
                        workspace.memberAdded = true;
                    } catch (Exception unansweredOrRefused) {
                        // a member that may or may not have been added: either is right
                    }
                }
            }
        }
    }

    /** Checks the restarted fake against what was acknowledged, and settles what was uncertain. */
    private void verify(String baseUrl, int round) throws Exception {
        JsonNode snapshot = JSON.readTree(get(baseUrl + "/__admin/snapshot"));
        Map<String, JsonNode> byName = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode workspace : snapshot.get("workspaces")) {
            String name = workspace.get("WorkspaceName").asText();
            byName.put(name, workspace);
            assertThat(ids.add(workspace.get("WorkspaceId").asText()))
                    .as("ids are unique")
                    .isTrue();
            assertThat(known)
                    .as("round %d: %s is a workspace the test asked for", round, name)
                    .containsKey(name);
            assertThat(workspace.get("Members").findValuesAsText("UserId"))
                    .as("round %d: %s is whole: its owner is its member", round, name)
                    .contains(workspace.get("Owner").get("AccountId").asText());
        }
        for (Known workspace : known.values()) {
            JsonNode stored = byName.get(workspace.name);
            String what = "round " + round + ": " + workspace.name;
            if (workspace.deleted) {
                assertThat(stored).as(what + " was deleted (acknowledged)").isNull();
            } else if (workspace.created && !workspace.deleteUncertain) {
                assertThat(stored).as(what + " was created (acknowledged)").isNotNull();
                assertThat(stored.get("WorkspaceId").asText()).as(what).isEqualTo(workspace.id);
                if (workspace.memberAdded) {
                    assertThat(stored.get("Members").findValuesAsText("UserId"))
                            .as(what + " has the member added (acknowledged)")
                            .contains(USER_ID);
                }
            } else if (workspace.neverCreated) {
                assertThat(stored)
                        .as(what + " was absent after an earlier restart and stays so")
                        .isNull();
            } else if (workspace.createUncertain && !workspace.created) {
                if (stored == null) {
                    workspace.neverCreated = true;
                } else {
                    workspace.id = stored.get("WorkspaceId").asText();
                    workspace.created = true;
                    workspace.createUncertain = false;
                }
            } else if (workspace.deleteUncertain) {
                if (stored == null) {
                    workspace.deleted = true;
                } else {
                    workspace.deleteUncertain = false;
                }
            }
            if (stored != null) {
                acknowledgedIds.add(stored.get("WorkspaceId").asText());
            }
        }
        Set<String> models = new HashSet<>();
        for (JsonNode resource : snapshot.path("resources")) {
            if (resource.path("Type").asText().equals("Model")) {
                assertThat(models.add(resource.get("Id").asText()))
                        .as("model ids are unique")
                        .isTrue();
                assertThat(ids)
                        .as("round %d: model %s is in a stored workspace", round, resource.get("Id"))
                        .contains(resource.get("WorkspaceId").asText());
            }
        }
        acknowledgedModels.forEach((modelId, workspace) -> {
            if (!workspace.deleted && !workspace.deleteUncertain) {
                assertThat(models)
                        .as("round %d: model %s was created (acknowledged)", round, modelId)
                        .contains(modelId);
            }
        });
        // no id is handed out twice: a new workspace gets an id no workspace ever had
        String fresh = JSON.readTree(post(
                                baseUrl + "/api/v1/workspaces",
                                "{\"WorkspaceName\":\"probe_" + round
                                        + "\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}")
                        .body())
                .get("WorkspaceId")
                .asText();
        long highest = acknowledgedIds.stream().mapToLong(Long::parseLong).max().orElse(0);
        assertThat(Long.parseLong(fresh))
                .as("round %d: a new id continues the sequence", round)
                .isGreaterThan(highest);
        assertThat(acknowledgedIds.add(fresh)).isTrue();
        HttpResponse<String> deleted = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/workspaces/" + fresh))
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(200);
        JsonNode listed = JSON.readTree(get(baseUrl + "/api/v1/workspaces?PageSize=1"));
        assertThat(listed.get("TotalCount").asLong()).isEqualTo(byName.size());
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    private static HttpResponse<String> post(String url, String json) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}

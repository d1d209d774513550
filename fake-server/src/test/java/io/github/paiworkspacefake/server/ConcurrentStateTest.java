package io.github.paiworkspacefake.server;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.testsupport.ApiClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Races between requests and test controls: the state never ends up, nor is ever seen, half changed. */
class ConcurrentStateTest {

    private static final int CONTENDERS = 24;

    private final ExecutorService pool = Executors.newFixedThreadPool(CONTENDERS + 2);

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    /**
     * The system clock, slowed down for the fake's request threads: each reading there takes a few milliseconds, which
     * widens the window between what a request reads and what it writes. Test threads read it at full speed.
     */
    static final class SlowClock extends Clock {
        private final long pauseMillis;

        SlowClock(long pauseMillis) {
            this.pauseMillis = pauseMillis;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            if (!Thread.currentThread().getName().startsWith("pai-workspace-fake")) {
                return Instant.now();
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Instant.now();
        }
    }

    @RepeatedTest(5)
    void exactlyOneRacingCreateDefaultWorkspaceWinsAndNoLoserIsEverSeen() throws Exception {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder()
                .maxWorkspaces(2)
                .clock(new SlowClock(20))
                .build()
                .start()) {
            ApiClient api = new ApiClient(fake.baseUrl());
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean racing = new AtomicBoolean(true);
            AtomicInteger mostSeen = new AtomicInteger();
            Future<?> observer = pool.submit(() -> {
                while (racing.get()) {
                    mostSeen.accumulateAndGet(fake.workspaces().size(), Math::max);
                    mostSeen.accumulateAndGet(
                            ApiClient.JSON
                                    .readTree(fake.snapshot())
                                    .get("workspaces")
                                    .size(),
                            Math::max);
                }
                return null;
            });
            List<Future<ApiClient.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < CONTENDERS; i++) {
                replies.add(pool.submit(() -> {
                    ApiClient own = new ApiClient(fake.baseUrl()); // a connection of its own: the requests really race
                    start.await();
                    return own.post("/api/v1/defaultWorkspaces", "{\"Description\":\"raced\"}");
                }));
            }
            start.countDown();
            List<ApiClient.Reply> answers = new ArrayList<>();
            for (Future<ApiClient.Reply> reply : replies) {
                answers.add(reply.get(30, TimeUnit.SECONDS));
            }
            racing.set(false);
            observer.get(30, TimeUnit.SECONDS);

            assertThat(answers).filteredOn(reply -> reply.status() == 200).hasSize(1);
            answers.stream()
                    .filter(reply -> reply.status() != 200)
                    .forEach(reply -> assertError(reply, 409, "100400009"));
            assertThat(mostSeen.get())
                    .as("workspaces ever visible during the race")
                    .isLessThanOrEqualTo(1);
            String winner = answers.stream()
                    .filter(reply -> reply.status() == 200)
                    .findFirst()
                    .orElseThrow()
                    .body()
                    .get("WorkspaceId")
                    .asText();
            assertThat(fake.workspaces())
                    .singleElement()
                    .extracting(Workspace::workspaceId)
                    .isEqualTo(winner);
            assertThat(api.get("/api/v1/defaultWorkspaces")
                            .body()
                            .get("WorkspaceId")
                            .asText())
                    .isEqualTo(winner);
            assertThat(api.createWorkspace("fits_the_capacity"))
                    .as("losers took no capacity")
                    .isNotBlank();
        }
    }

    @Test
    void resetUnderConcurrentAddsLeavesNoIndexOutOfStep() throws Exception {
        int capacity = 200;
        try (PaiWorkspaceFake fake =
                PaiWorkspaceFake.builder().maxWorkspaces(capacity).build().start()) {
            ApiClient api = new ApiClient(fake.baseUrl());
            Set<String> triedNames = ConcurrentHashMap.newKeySet();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Future<?>> adders = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int thread = t;
                adders.add(pool.submit(() -> {
                    for (int i = 0; running.get(); i++) {
                        String name = "add_" + thread + "_" + (i % 400);
                        triedNames.add(name);
                        try {
                            fake.addWorkspace(Workspace.builder(name).build());
                        } catch (IllegalStateException takenOrFull) {
                            // the name is stored already, or the fake is full: both fine here
                        }
                    }
                    return null;
                }));
            }
            for (int resets = 0; resets < 100_000; resets++) {
                fake.reset();
            }
            running.set(false);
            for (Future<?> adder : adders) {
                adder.get(30, TimeUnit.SECONDS);
            }

            assertConsistent(fake, api, triedNames, capacity);
        }
    }

    @Test
    void resetUnderConcurrentCreatesLeavesNoIndexOutOfStep() throws Exception {
        int capacity = 300;
        try (PaiWorkspaceFake fake =
                PaiWorkspaceFake.builder().maxWorkspaces(capacity).build().start()) {
            ApiClient api = new ApiClient(fake.baseUrl());
            Set<String> triedNames = storm(api, () -> fake.reset());

            assertConsistent(fake, api, triedNames, capacity);
        }
    }

    @Test
    void snapshotSwapUnderConcurrentCreatesLeavesNoIndexOutOfStep() throws Exception {
        int capacity = 300;
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder()
                .maxWorkspaces(capacity)
                .adminApi(true)
                .build()
                .start()) {
            ApiClient api = new ApiClient(fake.baseUrl());
            String swapIn =
                    "{\"workspaces\":[{\"WorkspaceId\":\"9001\",\"WorkspaceName\":\"swapped_in\",\"IsDefault\":true}]}";
            Set<String> triedNames = storm(
                    api,
                    () -> assertThat(api.put("/__admin/snapshot", swapIn).status())
                            .isEqualTo(200));

            assertConsistent(fake, api, triedNames, capacity);
        }
    }

    /** Creates from several threads while {@code swap} runs over and over; returns every name a create tried. */
    private Set<String> storm(ApiClient api, Runnable swap) throws Exception {
        Set<String> triedNames = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<?>> creators = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            creators.add(pool.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    String name = "ws_" + thread + "_" + i;
                    triedNames.add(name);
                    int status = api.post(
                                    "/api/v1/workspaces",
                                    "{\"WorkspaceName\":\"" + name
                                            + "\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}")
                            .status();
                    assertThat(status).as("create of %s", name).isIn(200, 400);
                }
                return null;
            }));
        }
        for (int swaps = 0; swaps < 40; swaps++) {
            swap.run();
            Thread.sleep(3);
        }
        running.set(false);
        for (Future<?> creator : creators) {
            creator.get(30, TimeUnit.SECONDS);
        }
        return triedNames;
    }

    /** Every stored workspace is served, every name not stored is free, and the capacity counts what is stored. */
    private static void assertConsistent(PaiWorkspaceFake fake, ApiClient api, Set<String> triedNames, int capacity) {
        List<Workspace> stored = fake.workspaces();
        Set<String> storedNames = ConcurrentHashMap.newKeySet();
        for (Workspace workspace : stored) {
            storedNames.add(workspace.workspaceName());
            assertThat(api.get("/api/v1/workspaces/" + workspace.workspaceId()).status())
                    .as("GetWorkspace %s", workspace.workspaceId())
                    .isEqualTo(200);
            assertError(
                    api.post(
                            "/api/v1/workspaces",
                            "{\"WorkspaceName\":\"" + workspace.workspaceName()
                                    + "\",\"Description\":\"twice\",\"EnvTypes\":[\"prod\"]}"),
                    409,
                    "WorkspaceNameAlreadyExists");
        }
        int created = 0;
        for (String name : triedNames) {
            if (storedNames.contains(name) || stored.size() + created >= capacity) {
                continue;
            }
            assertThat(api.post(
                                    "/api/v1/workspaces",
                                    "{\"WorkspaceName\":\"" + name
                                            + "\",\"Description\":\"again\",\"EnvTypes\":[\"prod\"]}")
                            .status())
                    .as("create again %s", name)
                    .isEqualTo(200);
            created++;
        }
        for (int i = 0; stored.size() + created < capacity; i++) {
            assertThat(api.createWorkspace("filler_" + i)).isNotBlank();
            created++;
        }
        assertError(
                api.post(
                        "/api/v1/workspaces",
                        "{\"WorkspaceName\":\"one_too_many\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}"),
                400,
                "QuotaExceeded.Workspace");
        assertThat(fake.workspaces())
                .hasSize(capacity)
                .extracting(Workspace::workspaceId)
                .doesNotHaveDuplicates();
    }

    @Test
    void aTransitionInstalledWhileAReadCompletesTheLastOneIsNeverDropped() throws Exception {
        try (PaiWorkspaceFake fake =
                PaiWorkspaceFake.builder().clock(new SlowClock(5)).build().start()) {
            ApiClient api = new ApiClient(fake.baseUrl());
            String id = api.createWorkspace("polled_while_driven");
            for (int round = 0; round < 40; round++) {
                fake.enableAfterReads(id, 1);
                CountDownLatch start = new CountDownLatch(1);
                Future<?> reader = pool.submit(() -> {
                    start.await();
                    return api.get("/api/v1/workspaces/" + id).status();
                });
                long pause = round % 5;
                Future<?> driver = pool.submit(() -> {
                    start.await();
                    Thread.sleep(pause); // lands anywhere in the read's slowed-down window
                    return fake.enableAfterReads(id, 2);
                });
                start.countDown();
                reader.get(30, TimeUnit.SECONDS);
                driver.get(30, TimeUnit.SECONDS);

                // one read cannot complete a transition that waits for two, whether it came before or after it
                assertThat(fake.workspace(id))
                        .as("round %d", round)
                        .get()
                        .extracting(Workspace::status)
                        .isEqualTo(WorkspaceStatus.INITIALIZING);
                assertThat(api.get("/api/v1/workspaces/" + id)
                                .body()
                                .get("Status")
                                .asText())
                        .isIn("INITIALIZING", "ENABLED");
                assertThat(api.get("/api/v1/workspaces/" + id)
                                .body()
                                .get("Status")
                                .asText())
                        .isEqualTo("ENABLED");
            }
        }
    }
}

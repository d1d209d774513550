package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.testsupport.ApiClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many clients at once, mixed creates and reads, bounded in count: nothing lost, duplicated or inconsistent. */
class LoadStressTest {

    private static final int THREADS = 8;
    private static final int ROUNDS_PER_THREAD = 250;
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(30);

    @Test
    void concurrentCreatesAndReadsLoseNothingAndDuplicateNothing() throws Exception {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            ApiClient api = new ApiClient(fake.baseUrl());
            Map<String, String> nameById = new ConcurrentHashMap<>();
            AtomicInteger contestedWins = new AtomicInteger();
            List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    for (int round = 0;
                            round < ROUNDS_PER_THREAD && System.nanoTime() - start < DEADLINE_NANOS;
                            round++) {
                        String name = round % 10 == 0 ? "contested_" + round : "load_" + thread + "_" + round;
                        ApiClient.Reply created = api.post(
                                "/api/v1/workspaces",
                                "{\"WorkspaceName\":\"" + name + "\",\"Description\":\"负载\",\"EnvTypes\":[\"prod\"]}");
                        if (created.status() == 200) {
                            String id = created.body().get("WorkspaceId").asText();
                            if (nameById.putIfAbsent(id, name) != null) {
                                unexpected.add("id handed out twice: " + id);
                            }
                            if (name.startsWith("contested_")) {
                                contestedWins.incrementAndGet();
                            }
                            ApiClient.Reply read = api.get("/api/v1/workspaces/" + id);
                            if (read.status() != 200
                                    || !read.body()
                                            .get("WorkspaceName")
                                            .asText()
                                            .equals(name)) {
                                unexpected.add("inconsistent read of " + id + ": " + read);
                            }
                        } else if (!(created.status() == 409 && name.startsWith("contested_"))) {
                            unexpected.add("unexpected answer for " + name + ": " + created);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(unexpected).isEmpty();
            assertThat(fake.workspaces()).hasSize(nameById.size());
            assertThat(fake.workspaces())
                    .extracting(Workspace::workspaceName)
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(nameById.values());
            assertThat(contestedWins.get())
                    .isEqualTo(nameById.values().stream()
                            .filter(n -> n.startsWith("contested_"))
                            .count());
        }
    }
}

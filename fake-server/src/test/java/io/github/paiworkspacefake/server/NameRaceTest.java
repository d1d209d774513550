package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.testsupport.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;

class NameRaceTest {

    private static final int CONTENDERS = 32;

    @RepeatedTest(3)
    void exactlyOneOfManyConcurrentCreatesOfOneNameWins() throws Exception {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            ApiClient api = new ApiClient(fake.baseUrl());
            ExecutorService pool = Executors.newFixedThreadPool(CONTENDERS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiClient.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < CONTENDERS; i++) {
                String description = "contender " + i;
                replies.add(pool.submit(() -> {
                    start.await();
                    return api.post(
                            "/api/v1/workspaces",
                            "{\"WorkspaceName\":\"contested\",\"Description\":\"" + description
                                    + "\",\"EnvTypes\":[\"prod\"]}");
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<ApiClient.Reply> reply : replies) {
                statuses.add(reply.get(30, TimeUnit.SECONDS).status());
            }
            pool.shutdown();

            assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
            assertThat(statuses).filteredOn(status -> status == 409).hasSize(CONTENDERS - 1);
            assertThat(fake.workspaces())
                    .singleElement()
                    .extracting(Workspace::workspaceName)
                    .isEqualTo("contested");
        }
    }
}

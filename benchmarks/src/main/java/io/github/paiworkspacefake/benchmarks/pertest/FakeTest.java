package io.github.paiworkspacefake.benchmarks.pertest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.junit.WithFakePaiWorkspace;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.Workspace;
import org.junit.jupiter.api.RepeatedTest;

/** As a user writes it: {@code @WithFakePaiWorkspace} gives every test a fresh fake. */
@WithFakePaiWorkspace
class FakeTest {

    @RepeatedTest(BodyTimes.TESTS)
    void getWorkspace(PaiWorkspaceFake fake) {
        BodyTimes.bodyStarts();
        fake.addWorkspace(Workspace.builder("bench_ws")
                .workspaceId(TestRequests.WORKSPACE_ID)
                .build());
        assertThat(TestRequests.getWorkspace(fake.baseUrl()).statusCode()).isEqualTo(200);
        BodyTimes.bodyEnds();
    }
}

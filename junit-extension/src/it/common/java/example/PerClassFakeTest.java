package example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.junit.FakeLifecycle;
import io.github.paiworkspacefake.junit.WithFakePaiWorkspace;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.Workspace;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/** One fake for the class, seeded; tests running in parallel take turns and each sees it freshly reset. */
@WithFakePaiWorkspace(lifecycle = FakeLifecycle.PER_CLASS, seed = "seeds/team.json")
class PerClassFakeTest {

    static final Set<PaiWorkspaceFake> SEEN = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void beforeAll(PaiWorkspaceFake fake) {
        SEEN.add(fake);
    }

    @RepeatedTest(6)
    void eachTestSeesOnlyTheSeedAndItsOwnWork(PaiWorkspaceFake fake, RepetitionInfo repetition) throws Exception {
        String mine = "mine_" + repetition.getCurrentRepetition();
        assertThat(fake.workspaces()).extracting(Workspace::workspaceName).containsExactly("team_ws", "sandbox_ws");
        assertThat(Workspaces.create(fake.baseUrl(), mine)).isEqualTo(200);
        Thread.sleep(20);
        assertThat(fake.workspaces())
                .extracting(Workspace::workspaceName)
                .containsExactly("team_ws", "sandbox_ws", mine);
        SEEN.add(fake);
        assertThat(SEEN).hasSize(1);
    }
}

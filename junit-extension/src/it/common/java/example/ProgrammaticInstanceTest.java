package example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.junit.PaiWorkspaceFakeExtension;
import io.github.paiworkspacefake.server.WorkspaceStatus;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An instance {@code @RegisterExtension} field: a fresh fake for every test. */
class ProgrammaticInstanceTest {

    static final Set<Integer> PORTS = ConcurrentHashMap.newKeySet();

    @RegisterExtension
    PaiWorkspaceFakeExtension fakes = PaiWorkspaceFakeExtension.newInstance()
            .initialStatus(WorkspaceStatus.INITIALIZING)
            .build();

    @RepeatedTest(4)
    void everyTestHasItsOwnFake() throws Exception {
        assertThat(fakes.fake().workspaces()).isEmpty();
        assertThat(Workspaces.create(fakes.fake().baseUrl(), "same_name")).isEqualTo(200);
        assertThat(fakes.fake().workspaces())
                .singleElement()
                .satisfies(workspace -> assertThat(workspace.status()).isEqualTo(WorkspaceStatus.INITIALIZING));
        assertThat(PORTS.add(fakes.fake().port())).isTrue();
    }
}

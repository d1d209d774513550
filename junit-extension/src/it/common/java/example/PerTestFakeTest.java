package example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.junit.WithFakePaiWorkspace;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/** A fresh fake for every test, injected into the constructor, lifecycle methods and the test, in parallel. */
@WithFakePaiWorkspace
class PerTestFakeTest {

    static final Set<Integer> PORTS = ConcurrentHashMap.newKeySet();

    private final PaiWorkspaceFake fromConstructor;

    PerTestFakeTest(PaiWorkspaceFake fake) {
        this.fromConstructor = fake;
    }

    @BeforeEach
    void before(PaiWorkspaceFake fake) {
        assertThat(fake).isSameAs(fromConstructor);
    }

    @RepeatedTest(6)
    void everyTestHasItsOwnEmptyFake(PaiWorkspaceFake fake) throws Exception {
        assertThat(fake).isSameAs(fromConstructor);
        assertThat(fake.workspaces()).isEmpty();
        assertThat(Workspaces.create(fake.baseUrl(), "same_name")).isEqualTo(200);
        Thread.sleep(20);
        assertThat(fake.workspaces()).hasSize(1);
        assertThat(PORTS.add(fake.port())).as("a port no other test had").isTrue();
    }

    @AfterEach
    void after(PaiWorkspaceFake fake) {
        assertThat(fake).isSameAs(fromConstructor);
    }
}

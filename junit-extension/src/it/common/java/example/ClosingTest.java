package example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.paiworkspacefake.junit.FakeLifecycle;
import io.github.paiworkspacefake.junit.PaiWorkspaceFakeExtension;
import io.github.paiworkspacefake.junit.WithFakePaiWorkspace;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Every fake is stopped when its test or class ends, on this JUnit version, also when JUnit 6 is told not to close
 * plain AutoCloseable store values ({@code junit.jupiter.extensions.store.close.autocloseable.enabled=false}).
 */
@Isolated // ports it checks are free must not be taken meanwhile by fakes of tests running beside it
class ClosingTest {

    static final Set<Integer> PORTS = ConcurrentHashMap.newKeySet();

    @WithFakePaiWorkspace
    static class PerTestExample {
        @Test
        void one(PaiWorkspaceFake fake) {
            PORTS.add(fake.port());
        }

        @Test
        void failing(PaiWorkspaceFake fake) {
            PORTS.add(fake.port());
            throw new AssertionError("deliberate");
        }
    }

    @WithFakePaiWorkspace(lifecycle = FakeLifecycle.PER_CLASS)
    static class PerClassExample {
        @Test
        void one(PaiWorkspaceFake fake) {
            PORTS.add(fake.port());
        }
    }

    static class ProgrammaticExample {
        @RegisterExtension
        static PaiWorkspaceFakeExtension shared =
                PaiWorkspaceFakeExtension.newInstance().build();

        @Test
        void one() {
            PORTS.add(shared.fake().port());
        }
    }

    static class ProgrammaticInstanceExample {
        @RegisterExtension
        PaiWorkspaceFakeExtension own = PaiWorkspaceFakeExtension.newInstance().build();

        @Test
        void one() {
            PORTS.add(own.fake().port());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "false"})
    void everyFakeIsStoppedWhenItsTestOrClassEnds(String closeAutoCloseable) {
        PORTS.clear();

        EngineTestKit.engine("junit-jupiter")
                .configurationParameters(Map.of(
                        "junit.jupiter.extensions.store.close.autocloseable.enabled",
                        closeAutoCloseable,
                        "junit.jupiter.execution.parallel.enabled",
                        "true"))
                .selectors(
                        selectClass(PerTestExample.class),
                        selectClass(PerClassExample.class),
                        selectClass(ProgrammaticExample.class),
                        selectClass(ProgrammaticInstanceExample.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(4).failed(1));

        assertThat(PORTS).hasSize(5);
        assertThat(PORTS)
                .allSatisfy(port -> assertThat(Workspaces.listening(port))
                        .as("port %d", port)
                        .isFalse());
    }
}

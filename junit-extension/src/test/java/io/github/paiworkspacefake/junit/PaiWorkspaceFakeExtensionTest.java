package io.github.paiworkspacefake.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.aliyun.teaopenapi.models.Config;
import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.WorkspaceStatus;
import io.github.paiworkspacefake.testsupport.ApiClient;
import io.github.paiworkspacefake.testsupport.Ports;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.Events;

/** {@link PaiWorkspaceFakeExtension} registered in code, run through the TestKit like the annotation. */
class PaiWorkspaceFakeExtensionTest {

    static final List<PaiWorkspaceFake> SEEN = new CopyOnWriteArrayList<>();
    static final Set<Integer> PORTS = ConcurrentHashMap.newKeySet();

    private static Events run(Class<?> example, Map<String, String> configuration) {
        SEEN.clear();
        PORTS.clear();
        return ExampleRuns.tests(example, configuration);
    }

    private static Events run(Class<?> example) {
        return run(example, Map.of());
    }

    // --- examples -------------------------------------------------------------------------------------------

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class StaticFieldExample {
        @RegisterExtension
        static PaiWorkspaceFakeExtension fakes = PaiWorkspaceFakeExtension.newInstance()
                .regionId("cn-shanghai")
                .seed("seeds/team.json")
                .build();

        static String endpointSeenBeforeAll;

        @BeforeAll
        static void readTheEndpointAsDynamicPropertySourceWould(PaiWorkspaceFake injected) {
            endpointSeenBeforeAll = fakes.fake().endpoint();
            assertThat(injected).isSameAs(fakes.fake());
            SEEN.add(fakes.fake());
        }

        @Test
        @Order(1)
        void first(PaiWorkspaceFake fake) throws Exception {
            assertThat(fake).isSameAs(fakes.fake());
            assertThat(fake.endpoint()).isEqualTo(endpointSeenBeforeAll);
            assertThat(fake.regionId()).isEqualTo("cn-shanghai");
            assertThat(fake.workspaces()).hasSize(2);
            assertThat(new ApiClient(fake.baseUrl()).postWorkspace("extra_ws").status())
                    .isEqualTo(200);
            SEEN.add(fake);
            PORTS.add(fake.port());
        }

        @Test
        @Order(2)
        void secondSeesAResetAndReseededFake(PaiWorkspaceFake fake) {
            assertThat(fake.workspaces()).extracting(Workspace::workspaceName).containsExactly("team_ws", "sandbox_ws");
            SEEN.add(fake);
        }

        @Nested
        class Inner {
            @Test
            void nestedSharesTheClassFake(PaiWorkspaceFake fake) {
                assertThat(fake).isSameAs(fakes.fake()).isSameAs(SEEN.get(0));
                SEEN.add(fake);
            }
        }

        @AfterAll
        static void stillRunning() {
            assertThat(fakes.fake().workspaces()).isNotEmpty();
        }
    }

    static class InstanceFieldExample {
        @RegisterExtension
        PaiWorkspaceFakeExtension fakes = PaiWorkspaceFakeExtension.newInstance()
                .initialStatus(WorkspaceStatus.INITIALIZING)
                .build();

        @BeforeEach
        void before(PaiWorkspaceFake fake) {
            assertThat(fake).isSameAs(fakes.fake());
        }

        @Test
        void one(PaiWorkspaceFake fake, Config config) throws Exception {
            assertThat(fake.workspaces()).isEmpty();
            assertThat(new ApiClient(fake.baseUrl()).postWorkspace("same_ws").status())
                    .isEqualTo(200);
            assertThat(fake.workspaces()).extracting(Workspace::status).containsExactly(WorkspaceStatus.INITIALIZING);
            assertThat(config.getEndpoint()).isEqualTo(fake.endpoint());
            SEEN.add(fake);
            PORTS.add(fake.port());
        }

        @Test
        void two(PaiWorkspaceFake fake) throws Exception {
            assertThat(fake.workspaces()).isEmpty();
            assertThat(new ApiClient(fake.baseUrl()).postWorkspace("same_ws").status())
                    .isEqualTo(200);
            SEEN.add(fake);
            PORTS.add(fake.port());
        }
    }

    static class SettingsExample {
        static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

        @RegisterExtension
        static PaiWorkspaceFakeExtension fakes = PaiWorkspaceFakeExtension.newInstance()
                .accessKey("LTAI5tProgrammatic", "Secret", Account.of("1234567890", "team_admin"))
                .clock(CLOCK)
                .idGenerator(() -> "42")
                .maxWorkspaces(1)
                .adminApi(true)
                .logRequests(false)
                .build();

        @Test
        void settingsReachTheFake(PaiWorkspaceFake fake) throws Exception {
            assertThat(fake.requiresSignatures()).isTrue();
            assertThat(fake.accessKeyId()).isEqualTo("LTAI5tProgrammatic");
            Workspace added = fake.addWorkspace(
                    Workspace.builder("seeded_ws").description("d").build());
            assertThat(added.workspaceId()).isEqualTo("42");
            assertThat(added.gmtCreateTime()).isEqualTo(CLOCK.instant());
            assertThat(new ApiClient(fake.baseUrl()).get("/__admin/snapshot").status())
                    .isEqualTo(200);
        }
    }

    @ExtendWith(PaiWorkspaceFakeExtension.class)
    static class DeclarativeExample {
        @Test
        void defaults(PaiWorkspaceFake fake) {
            assertThat(fake.regionId()).isEqualTo("cn-hangzhou");
            assertThat(fake.requiresSignatures()).isFalse();
        }
    }

    static class ParallelInstanceFieldExample {
        static final Set<Integer> PORTS = ConcurrentHashMap.newKeySet();

        @RegisterExtension
        PaiWorkspaceFakeExtension fakes =
                PaiWorkspaceFakeExtension.newInstance().build();

        private void createAlone() throws Exception {
            assertThat(new ApiClient(fakes.fake().baseUrl())
                            .postWorkspace("mine")
                            .status())
                    .isEqualTo(200);
            Thread.sleep(30);
            assertThat(fakes.fake().workspaces()).hasSize(1);
            PORTS.add(fakes.fake().port());
        }

        @Test
        void one() throws Exception {
            createAlone();
        }

        @Test
        void two() throws Exception {
            createAlone();
        }

        @Test
        void three() throws Exception {
            createAlone();
        }
    }

    static class BeforeAllWithInstanceFieldExample {
        @RegisterExtension
        PaiWorkspaceFakeExtension fakes =
                PaiWorkspaceFakeExtension.newInstance().build();

        @BeforeAll
        static void beforeAll(PaiWorkspaceFake fake) {}

        @Test
        void test() {}
    }

    // --- tests ------------------------------------------------------------------------------------------------

    @Test
    void aStaticFieldGivesOneFakeForTheClassStartedBeforeBeforeAllAndResetBetweenTests() throws Exception {
        run(StaticFieldExample.class)
                .assertStatistics(stats -> stats.succeeded(3).failed(0));

        assertThat(SEEN).hasSize(4).containsOnly(SEEN.get(0));
        assertThat(PORTS).hasSize(1);
        for (int port : PORTS) {
            assertThat(Ports.listening(port)).isFalse();
        }
    }

    @Test
    void anInstanceFieldGivesEveryTestAFreshFake() throws Exception {
        run(InstanceFieldExample.class)
                .assertStatistics(stats -> stats.succeeded(2).failed(0));

        assertThat(SEEN).hasSize(2).doesNotHaveDuplicates();
        assertThat(PORTS).hasSize(2);
        for (int port : PORTS) {
            assertThat(Ports.listening(port)).isFalse();
        }
    }

    @Test
    void builderSettingsReachTheFake() {
        run(SettingsExample.class).assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Test
    void extendWithGivesAFakeWithDefaults() {
        run(DeclarativeExample.class)
                .assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Test
    void instanceFieldFakesAreIsolatedUnderParallelExecution() {
        ParallelInstanceFieldExample.PORTS.clear();

        run(
                        ParallelInstanceFieldExample.class,
                        Map.of(
                                "junit.jupiter.execution.parallel.enabled", "true",
                                "junit.jupiter.execution.parallel.mode.default", "concurrent"))
                .assertStatistics(stats -> stats.succeeded(3).failed(0));

        assertThat(ParallelInstanceFieldExample.PORTS).hasSize(3);
    }

    @Test
    void anInstanceFieldHasNoFakeForBeforeAll() {
        ExampleRuns.containers(BeforeAllWithInstanceFieldExample.class)
                .assertThatEvents()
                .haveAtLeastOne(event(finishedWithFailure(message(m -> m.contains("No ParameterResolver registered")
                        || m.contains("Register it on a static field")))));
    }

    @Test
    void fakeOutsideATestFailsClearly() {
        PaiWorkspaceFakeExtension unused =
                PaiWorkspaceFakeExtension.newInstance().build();

        assertThatThrownBy(unused::fake)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No fake is running");
    }

    @Test
    void invalidSettingsFailWhenSet() {
        assertThatThrownBy(() -> PaiWorkspaceFakeExtension.newInstance().port(70000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port");
        assertThatThrownBy(() -> PaiWorkspaceFakeExtension.newInstance().maxWorkspaces(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxWorkspaces");
    }
}

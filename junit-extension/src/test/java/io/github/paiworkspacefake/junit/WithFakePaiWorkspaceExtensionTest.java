package io.github.paiworkspacefake.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.testsupport.ApiClient;
import io.github.paiworkspacefake.testsupport.Ports;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.Events;

/** The extension tested the way JUnit tests its own: example classes run through the TestKit, events asserted. */
class WithFakePaiWorkspaceExtensionTest {

    static final List<PaiWorkspaceFake> SEEN = new CopyOnWriteArrayList<>();
    static final List<Integer> PORTS = new CopyOnWriteArrayList<>();

    private static Events run(Class<?> example, Map<String, String> configuration) {
        SEEN.clear();
        PORTS.clear();
        return ExampleRuns.tests(example, configuration);
    }

    private static Events run(Class<?> example) {
        return run(example, Map.of());
    }

    // --- examples -------------------------------------------------------------------------------------------

    @WithFakePaiWorkspace
    static class InjectionExample {
        private final PaiWorkspaceFake fromConstructor;

        InjectionExample(PaiWorkspaceFake fake) {
            this.fromConstructor = fake;
        }

        @BeforeEach
        void before(PaiWorkspaceFake fake) {
            assertThat(fake).isSameAs(fromConstructor);
        }

        @Test
        void test(PaiWorkspaceFake fake) throws Exception {
            assertThat(fake).isSameAs(fromConstructor);
            assertThat(new ApiClient(fake.baseUrl())
                            .get("/api/v1/defaultWorkspaces")
                            .status())
                    .isEqualTo(404);
            SEEN.add(fake);
        }

        @AfterEach
        void after(PaiWorkspaceFake fake) {
            assertThat(fake).isSameAs(fromConstructor);
        }
    }

    @WithFakePaiWorkspace
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class FreshPerTestExample {
        @Test
        @Order(1)
        void first(PaiWorkspaceFake fake) throws Exception {
            assertThat(new ApiClient(fake.baseUrl()).postWorkspace("leaky").status())
                    .isEqualTo(200);
            SEEN.add(fake);
            PORTS.add(fake.port());
        }

        @Test
        @Order(2)
        void second(PaiWorkspaceFake fake) throws Exception {
            assertThat(fake.workspaces()).isEmpty();
            assertThat(new ApiClient(fake.baseUrl()).postWorkspace("leaky").status())
                    .isEqualTo(200);
            SEEN.add(fake);
        }
    }

    @WithFakePaiWorkspace
    static class FailingExample {
        @Test
        void fails(PaiWorkspaceFake fake) {
            PORTS.add(fake.port());
            throw new AssertionError("deliberate failure");
        }
    }

    @WithFakePaiWorkspace(lifecycle = FakeLifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerClassExample {
        @BeforeAll
        static void beforeAll(PaiWorkspaceFake fake) {
            SEEN.add(fake);
        }

        @Test
        @Order(1)
        void first(PaiWorkspaceFake fake) throws Exception {
            assertThat(new ApiClient(fake.baseUrl()).postWorkspace("shared").status())
                    .isEqualTo(200);
            SEEN.add(fake);
            PORTS.add(fake.port());
        }

        @Test
        @Order(2)
        void second(PaiWorkspaceFake fake) {
            assertThat(fake.workspaces()).isEmpty();
            SEEN.add(fake);
        }
    }

    @WithFakePaiWorkspace
    static class BeforeAllWithoutPerClassExample {
        @BeforeAll
        static void beforeAll(PaiWorkspaceFake fake) {}

        @Test
        void test() {}
    }

    @WithFakePaiWorkspace
    static class NestedAndParameterizedExample {
        @ParameterizedTest
        @ValueSource(strings = {"alpha", "beta"})
        void parameterized(String name, PaiWorkspaceFake fake) throws Exception {
            assertThat(fake.workspaces()).isEmpty();
            assertThat(new ApiClient(fake.baseUrl()).postWorkspace(name).status())
                    .isEqualTo(200);
            SEEN.add(fake);
        }

        @RepeatedTest(2)
        void repeated(PaiWorkspaceFake fake) throws Exception {
            assertThat(fake.workspaces()).isEmpty();
            assertThat(new ApiClient(fake.baseUrl()).postWorkspace("repeated").status())
                    .isEqualTo(200);
            SEEN.add(fake);
        }

        @Nested
        class Inner {
            @Test
            void nested(PaiWorkspaceFake fake) {
                assertThat(fake.workspaces()).isEmpty();
                assertThat(fake.regionId()).isEqualTo("cn-hangzhou");
                SEEN.add(fake);
            }
        }
    }

    @WithFakePaiWorkspace(regionId = "cn-beijing")
    static class MethodOverridesClassExample {
        @Test
        void classSettings(PaiWorkspaceFake fake) {
            assertThat(fake.regionId()).isEqualTo("cn-beijing");
        }

        @Test
        @WithFakePaiWorkspace(regionId = "ap-southeast-1")
        void methodSettings(PaiWorkspaceFake fake) {
            assertThat(fake.regionId()).isEqualTo("ap-southeast-1");
        }
    }

    static class MethodOnlyExample {
        @Test
        @WithFakePaiWorkspace(seed = "seeds/team.json", accessKeys = "LTAI5tExampleKey:ExampleSecret")
        void methodOnly(PaiWorkspaceFake fake) {
            assertThat(fake.workspace("7001")).isPresent();
            assertThat(fake.requiresSignatures()).isTrue();
            assertThat(fake.accessKeyId()).isEqualTo("LTAI5tExampleKey");
        }
    }

    @WithFakePaiWorkspace(seed = "seeds/team.json", lifecycle = FakeLifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class SeedExample {
        @Test
        @Order(1)
        void seeded(PaiWorkspaceFake fake) throws Exception {
            assertThat(fake.workspaces()).extracting(Workspace::workspaceName).containsExactly("team_ws", "sandbox_ws");
            assertThat(new ApiClient(fake.baseUrl())
                            .get("/api/v1/defaultWorkspaces")
                            .body()
                            .toString())
                    .contains("\"WorkspaceId\":\"7001\"");
            fake.reset();
        }

        @Test
        @Order(2)
        void reseededAfterReset(PaiWorkspaceFake fake) {
            assertThat(fake.workspaces()).hasSize(2);
        }
    }

    static class AccessKeyFormsExample {
        @Test
        @WithFakePaiWorkspace(accessKeys = {"LTAI5tWithAccount:Secret:2000000000000002", "LTAI5tColon:se:cret:"})
        void accountsAndColons(PaiWorkspaceFake fake) throws Exception {
            assertThat(fake.accessKeyId()).isEqualTo("LTAI5tWithAccount");
            assertThat(fake.accessKeySecret()).isEqualTo("Secret");
        }

        @Test
        @WithFakePaiWorkspace(accessKeys = "no-secret-here")
        void invalid(PaiWorkspaceFake fake) {}
    }

    @WithFakePaiWorkspace(seed = "seeds/missing.json")
    static class MissingSeedExample {
        @Test
        void test(PaiWorkspaceFake fake) {}
    }

    @WithFakePaiWorkspace(seed = "seeds/invalid.json")
    static class InvalidSeedExample {
        @Test
        void test(PaiWorkspaceFake fake) {}
    }

    @WithFakePaiWorkspace
    static class UnsupportedParameterExample {
        @Test
        void test(String notResolvable) {}
    }

    @WithFakePaiWorkspace
    static class ParallelExample {
        static final CyclicBarrier TOGETHER = new CyclicBarrier(4);
        static final Set<Integer> PORTS_SEEN = ConcurrentHashMap.newKeySet();

        private static void overlapAndCreate(PaiWorkspaceFake fake) throws Exception {
            TOGETHER.await(30, TimeUnit.SECONDS);
            assertThat(new ApiClient(fake.baseUrl()).postWorkspace("same_name").status())
                    .isEqualTo(200);
            assertThat(fake.workspaces()).hasSize(1);
            assertThat(PORTS_SEEN.add(fake.port())).isTrue();
        }

        @Test
        void one(PaiWorkspaceFake fake) throws Exception {
            overlapAndCreate(fake);
        }

        @Test
        void two(PaiWorkspaceFake fake) throws Exception {
            overlapAndCreate(fake);
        }

        @Test
        void three(PaiWorkspaceFake fake) throws Exception {
            overlapAndCreate(fake);
        }

        @Test
        void four(PaiWorkspaceFake fake) throws Exception {
            overlapAndCreate(fake);
        }
    }

    @WithFakePaiWorkspace(lifecycle = FakeLifecycle.PER_CLASS)
    static class PerClassInParallelExample {
        static final Set<Integer> PORTS_SEEN = ConcurrentHashMap.newKeySet();

        private static void ownTheFakeForAWhile(PaiWorkspaceFake fake, String name) throws Exception {
            assertThat(fake.workspaces()).isEmpty();
            assertThat(new ApiClient(fake.baseUrl()).postWorkspace(name).status())
                    .isEqualTo(200);
            Thread.sleep(50);
            assertThat(fake.workspaces()).extracting(Workspace::workspaceName).containsExactly(name);
            PORTS_SEEN.add(fake.port());
        }

        @Test
        void one(PaiWorkspaceFake fake) throws Exception {
            ownTheFakeForAWhile(fake, "one_ws");
        }

        @Test
        void two(PaiWorkspaceFake fake) throws Exception {
            ownTheFakeForAWhile(fake, "two_ws");
        }

        @Test
        void three(PaiWorkspaceFake fake) throws Exception {
            ownTheFakeForAWhile(fake, "three_ws");
        }

        @Test
        void four(PaiWorkspaceFake fake) throws Exception {
            ownTheFakeForAWhile(fake, "four_ws");
        }
    }

    static class LifecycleOnMethodExample {
        @Test
        @WithFakePaiWorkspace(lifecycle = FakeLifecycle.PER_CLASS)
        void test(PaiWorkspaceFake fake) {}
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @WithFakePaiWorkspace(regionId = "cn-shanghai", seed = "seeds/team.json")
    @interface ShanghaiTeamFake {}

    @ShanghaiTeamFake
    static class ComposedAnnotationExample {
        @Test
        void test(PaiWorkspaceFake fake) {
            assertThat(fake.regionId()).isEqualTo("cn-shanghai");
            assertThat(fake.workspace("7001")).isPresent();
        }
    }

    @WithFakePaiWorkspace(regionId = "eu-central-1")
    abstract static class AnnotatedBase {}

    static class InheritedFromSuperclassExample extends AnnotatedBase {
        @Test
        void test(PaiWorkspaceFake fake) {
            assertThat(fake.regionId()).isEqualTo("eu-central-1");
        }
    }

    @WithFakePaiWorkspace(regionId = "us-west-1")
    interface AnnotatedContract {}

    static class InheritedFromInterfaceExample implements AnnotatedContract {
        @Test
        void test(PaiWorkspaceFake fake) {
            assertThat(fake.regionId()).isEqualTo("us-west-1");
        }
    }

    @WithFakePaiWorkspace
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class ConstructorWithPerClassInstancesExample {
        ConstructorWithPerClassInstancesExample(PaiWorkspaceFake fake) {}

        @Test
        void test() {}
    }

    // --- tests ------------------------------------------------------------------------------------------------

    @Test
    void injectsTheSameFakeIntoConstructorLifecycleMethodsAndTest() {
        run(InjectionExample.class).assertStatistics(stats -> stats.succeeded(1).failed(0));
        assertThat(SEEN).hasSize(1);
    }

    @Test
    void everyTestGetsAFreshFakeThatIsStoppedAfterIt() throws Exception {
        run(FreshPerTestExample.class)
                .assertStatistics(stats -> stats.succeeded(2).failed(0));

        assertThat(SEEN).hasSize(2).doesNotHaveDuplicates();
        assertThat(Ports.listening(PORTS.get(0))).isFalse();
    }

    @Test
    void theFakeIsStoppedEvenWhenTheTestFails() throws Exception {
        run(FailingExample.class)
                .assertThatEvents()
                .haveExactly(1, event(test("fails"), finishedWithFailure(message("deliberate failure"))));

        assertThat(Ports.listening(PORTS.get(0))).isFalse();
    }

    @Test
    void perClassSharesOneFakeAndResetsItBetweenTests() throws Exception {
        run(PerClassExample.class).assertStatistics(stats -> stats.succeeded(2).failed(0));

        assertThat(SEEN).hasSize(3).containsOnly(SEEN.get(0));
        assertThat(Ports.listening(PORTS.get(0))).isFalse();
    }

    @Test
    void beforeAllInjectionNeedsPerClass() {
        ExampleRuns.containers(BeforeAllWithoutPerClassExample.class)
                .assertThatEvents()
                .haveExactly(
                        1, event(finishedWithFailure(message(m -> m.contains("lifecycle = FakeLifecycle.PER_CLASS")))));
    }

    @Test
    void worksWithNestedParameterizedAndRepeatedTests() {
        run(NestedAndParameterizedExample.class)
                .assertStatistics(stats -> stats.succeeded(5).failed(0));

        assertThat(SEEN).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void aMethodAnnotationOverridesTheClassOne() {
        run(MethodOverridesClassExample.class)
                .assertStatistics(stats -> stats.succeeded(2).failed(0));
    }

    @Test
    void aMethodAnnotationAloneIsEnough() {
        run(MethodOnlyExample.class)
                .assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Test
    void seedsWorkspacesAndTheDefaultAndReseedsAfterReset() {
        run(SeedExample.class).assertStatistics(stats -> stats.succeeded(2).failed(0));
    }

    @Test
    void aMissingSeedResourceFailsClearly() {
        run(MissingSeedExample.class)
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("test"),
                                finishedWithFailure(message(m ->
                                        m.contains("seeds/missing.json") && m.contains("not on the test classpath")))));
    }

    @Test
    void anInvalidSeedResourceFailsClearly() {
        run(InvalidSeedExample.class)
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("test"),
                                finishedWithFailure(
                                        message(m -> m.contains("seeds/invalid.json") && m.contains("Status")))));
    }

    @Test
    void anUnsupportedParameterTypeIsLeftToJUnitsOwnError() {
        run(UnsupportedParameterExample.class)
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("test"),
                                finishedWithFailure(
                                        message(m -> m.contains("No ParameterResolver registered for parameter")))));
    }

    @Test
    void testsRunningInParallelGetTheirOwnFakes() {
        ParallelExample.PORTS_SEEN.clear();
        ParallelExample.TOGETHER.reset();

        run(ParallelExample.class, ExampleRuns.FOUR_IN_PARALLEL)
                .assertStatistics(stats -> stats.succeeded(4).failed(0));

        assertThat(ParallelExample.PORTS_SEEN).hasSize(4);
    }

    @Test
    void perClassTestsRunningInParallelTakeTurnsOnTheSharedFake() {
        PerClassInParallelExample.PORTS_SEEN.clear();

        run(PerClassInParallelExample.class, ExampleRuns.FOUR_IN_PARALLEL)
                .assertStatistics(stats -> stats.succeeded(4).failed(0));

        assertThat(PerClassInParallelExample.PORTS_SEEN).hasSize(1);
    }

    @Test
    void aLifecycleOnAMethodAnnotationIsAConfigurationError() {
        run(LifecycleOnMethodExample.class)
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("test"),
                                finishedWithFailure(
                                        instanceOf(ExtensionConfigurationException.class),
                                        message(m ->
                                                m.contains("lifecycle = PER_CLASS") && m.contains("on the class")))));
    }

    @Test
    void aComposedAnnotationCarriesTheSettings() {
        run(ComposedAnnotationExample.class)
                .assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Test
    void anAnnotationOnASuperclassApplies() {
        run(InheritedFromSuperclassExample.class)
                .assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Test
    void anAnnotationOnAnInterfaceApplies() {
        run(InheritedFromInterfaceExample.class)
                .assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Test
    void aPerTestFakeCannotGoIntoTheConstructorOfAPerClassInstance() {
        ExampleRuns.containers(ConstructorWithPerClassInstancesExample.class)
                .assertThatEvents()
                .haveExactly(
                        1, event(finishedWithFailure(message(m -> m.contains("lifecycle = FakeLifecycle.PER_CLASS")))));
    }

    @Test
    void accessKeysAreReadByTheSharedParser() {
        run(AccessKeyFormsExample.class)
                .assertThatEvents()
                .haveExactly(1, event(test("accountsAndColons"), finishedSuccessfully()))
                .haveExactly(
                        1,
                        event(
                                test("invalid"),
                                finishedWithFailure(
                                        instanceOf(ExtensionConfigurationException.class),
                                        message(m -> m.contains("accessKeys") && m.contains("no-secret-here")))));
    }
}

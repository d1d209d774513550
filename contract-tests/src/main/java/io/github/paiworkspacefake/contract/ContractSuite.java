package io.github.paiworkspacefake.contract;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * Runs the contract checks against an implementation and reports each one. This is the entry point for other
 * projects' builds: {@code ContractSuite.run(new ContractConfig(...), null, System.out).passed()}. Each call is a
 * run of its own (its own JUnit execution, HTTP client and list of created resources), so runs may overlap.
 */
public final class ContractSuite {

    private static final List<Class<?>> CHECK_CLASSES = List.of(
            ReadOnlyContractChecks.class,
            CreatingContractChecks.class,
            ListWorkspacesContractChecks.class,
            DefaultWorkspaceContractChecks.class,
            LifecycleContractChecks.class,
            MemberContractChecks.class,
            MemberLifecycleContractChecks.class,
            DatasetReadOnlyContractChecks.class,
            DatasetContractChecks.class,
            ModelRegistryContractChecks.class,
            ModelRegistryLifecycleContractChecks.class,
            ExperimentContractChecks.class,
            RunContractChecks.class,
            ImageContractChecks.class,
            SettingsContractChecks.class,
            SettingsLifecycleContractChecks.class,
            OperationProbeContractChecks.class,
            RunWideContractChecks.class,
            RunCleanup.class);

    private ContractSuite() {}

    /**
     * Runs every check: the creating ones only when {@link ContractConfig#allowCreate()} (reported skipped
     * otherwise), the default-workspace ones that fit the account; then deletes what the run created when
     * {@link ContractConfig#cleanup()}. Prints one line per check and per created resource to {@code out}; writes a
     * JUnit XML report to {@code reportDir} unless it is null.
     */
    public static ContractResult run(ContractConfig config, Path reportDir, PrintStream out) {
        return run(config, reportDir, out, CHECK_CLASSES);
    }

    /**
     * Runs only these check classes (with the end-of-run cleanup): for this project's tests of one family's checks,
     * which need not run the whole suite for each broken variant.
     */
    static ContractResult run(ContractConfig config, Path reportDir, PrintStream out, List<Class<?>> checkClasses) {
        List<Class<?>> selected = new ArrayList<>(checkClasses);
        if (!selected.contains(RunCleanup.class)) {
            selected.add(RunCleanup.class);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(ContractConfig.ENDPOINT, config.endpoint().toString());
        parameters.put(ContractConfig.REGION, config.regionId());
        parameters.put(ContractConfig.ALLOW_CREATE, Boolean.toString(config.allowCreate()));
        parameters.put(ContractConfig.ALLOW_CREATE_DEFAULT, Boolean.toString(config.allowCreateDefault()));
        parameters.put(ContractConfig.CLEANUP, Boolean.toString(config.cleanup()));
        parameters.put(ContractConfig.RESOURCE_GROUP, config.resourceGroupId());
        parameters.put(ContractConfig.DELETION_TIMEOUT, config.deletionTimeout().toString());
        parameters.put(ContractConfig.ALLOW_PRODUCT_ORDERS, Boolean.toString(config.allowProductOrders()));
        parameters.put(ContractRun.ACCESS_KEY_ID, config.accessKeyId());
        parameters.put(ContractRun.ACCESS_KEY_SECRET, config.accessKeySecret());
        parameters.put(ClassOrderer.DEFAULT_ORDER_PROPERTY_NAME, ClassOrderer.OrderAnnotation.class.getName());
        LauncherDiscoveryRequest discovery = LauncherDiscoveryRequestBuilder.request()
                .selectors(selected.stream().map(type -> selectClass(type)).toList())
                .configurationParameters(parameters)
                .build();
        Recorder recorder = new Recorder(out);
        List<TestExecutionListener> listeners = new ArrayList<>(List.of(recorder));
        if (reportDir != null) {
            listeners.add(new LegacyXmlReportGeneratingListener(
                    reportDir, new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
        }
        LauncherFactory.create().execute(discovery, listeners.toArray(TestExecutionListener[]::new));
        return recorder.result();
    }

    /** Collects and prints each check's outcome, and each created resource's cleanup. */
    private static final class Recorder implements TestExecutionListener {
        private final PrintStream out;
        private final List<ContractResult.Check> checks = new ArrayList<>();
        private final List<CreatedResource> resources = new ArrayList<>();
        private final List<ContractResult.Cleanup> cleanup = new ArrayList<>();
        private TestPlan plan;

        Recorder(PrintStream out) {
            this.out = out;
        }

        synchronized ContractResult result() {
            return new ContractResult(checks, resources, cleanup);
        }

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            this.plan = testPlan;
        }

        @Override
        public synchronized void executionSkipped(TestIdentifier identifier, String reason) {
            if (isCleanup(identifier)) {
                return;
            }
            List<TestIdentifier> tests = plan.getDescendants(identifier).stream()
                    .filter(TestIdentifier::isTest)
                    .toList();
            for (TestIdentifier test : tests.isEmpty() ? List.of(identifier) : tests) {
                record(test, ContractResult.Outcome.SKIPPED, reason);
            }
        }

        @Override
        public synchronized void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            TestExecutionResult.Status status = result.getStatus();
            if (isCleanup(identifier)) {
                if (status == TestExecutionResult.Status.FAILED) {
                    out.println("CLEANUP FAILED  " + name(identifier) + ": " + message(result));
                }
                return;
            }
            if (!identifier.isTest() && status == TestExecutionResult.Status.SUCCESSFUL) {
                return;
            }
            ContractResult.Outcome outcome = switch (status) {
                case SUCCESSFUL -> ContractResult.Outcome.PASSED;
                case ABORTED -> ContractResult.Outcome.SKIPPED;
                case FAILED -> ContractResult.Outcome.FAILED;
            };
            record(identifier, outcome, outcome == ContractResult.Outcome.PASSED ? null : message(result));
        }

        @Override
        public synchronized void reportingEntryPublished(TestIdentifier identifier, ReportEntry entry) {
            Map<String, String> values = entry.getKeyValuePairs();
            String workspaceId = values.get(RunCleanup.WORKSPACE_ID);
            if (workspaceId == null) {
                return;
            }
            CreatedResource resource = new CreatedResource(
                    CreatedResource.Kind.valueOf(values.get(RunCleanup.KIND)),
                    workspaceId,
                    values.get(RunCleanup.WORKSPACE_NAME),
                    values.get(RunCleanup.CHECK));
            ContractResult.CleanupState state = ContractResult.CleanupState.valueOf(values.get(RunCleanup.STATE));
            String detail = values.getOrDefault(RunCleanup.DETAIL, "");
            resources.add(resource);
            cleanup.add(new ContractResult.Cleanup(workspaceId, state, detail));
            out.println(
                    switch (state) {
                        case DELETED -> "DELETED      " + resource.describe() + (detail.isEmpty() ? "" : ": " + detail);
                        case KEPT -> "KEPT         " + resource.describe() + ": " + detail;
                        case NOT_DELETED -> "NOT DELETED  " + resource.describe() + "\n      " + detail;
                    });
        }

        private void record(TestIdentifier identifier, ContractResult.Outcome outcome, String message) {
            String name = name(identifier);
            checks.add(new ContractResult.Check(name, outcome, message));
            out.println(switch (outcome) {
                        case PASSED -> "PASS  ";
                        case FAILED -> "FAIL  ";
                        case SKIPPED -> "SKIP  ";
                    }
                    + name);
            if (message != null) {
                out.println("      " + message.replace("\n", "\n      "));
            }
        }

        private static String message(TestExecutionResult result) {
            return result.getThrowable()
                    .map(thrown -> String.valueOf(thrown.getMessage()))
                    .orElse(result.getStatus().name());
        }

        private boolean isCleanup(TestIdentifier identifier) {
            for (TestIdentifier current = identifier;
                    current != null;
                    current = plan.getParent(current).orElse(null)) {
                Optional<ClassSource> source = current.getSource()
                        .filter(ClassSource.class::isInstance)
                        .map(ClassSource.class::cast);
                if (source.isPresent() && source.get().getClassName().equals(RunCleanup.class.getName())) {
                    return true;
                }
            }
            return false;
        }

        private String name(TestIdentifier identifier) {
            List<String> parts = new ArrayList<>();
            for (TestIdentifier current = identifier;
                    current != null;
                    current = plan.getParent(current).orElse(null)) {
                if (current.getSource().isPresent()) {
                    parts.add(0, current.getDisplayName());
                }
            }
            return String.join(" > ", parts);
        }
    }
}

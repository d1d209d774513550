package io.github.paiworkspacefake.contract;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * Runs the contract checks against an implementation and reports each one. This is the entry point for other
 * projects' builds: {@code ContractSuite.run(new ContractConfig(...), null, System.out).passed()}.
 */
public final class ContractSuite {

    private ContractSuite() {
    }

    /**
     * Runs every read-only check, and the creating checks when {@link ContractConfig#allowCreate()}; prints one line
     * per check to {@code out}; writes a JUnit XML report to {@code reportDir} unless it is null.
     */
    public static ContractResult run(ContractConfig config, Path reportDir, PrintStream out) {
        ContractParameters.CREATED.clear();
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(ReadOnlyContractChecks.class), selectClass(CreatingContractChecks.class))
                .configurationParameters(Map.of(
                        ContractConfig.ENDPOINT, config.endpoint().toString(),
                        ContractConfig.REGION, config.regionId(),
                        ContractConfig.ALLOW_CREATE, Boolean.toString(config.allowCreate()),
                        ContractParameters.ACCESS_KEY_ID, config.accessKeyId(),
                        ContractParameters.ACCESS_KEY_SECRET, config.accessKeySecret()));
        if (!config.allowCreate()) {
            request.filters(TagFilter.excludeTags(CreatingContractChecks.TAG));
        }
        LauncherDiscoveryRequest discovery = request.build();
        Recorder recorder = new Recorder(out);
        List<TestExecutionListener> listeners = new ArrayList<>(List.of(recorder));
        if (reportDir != null) {
            listeners.add(new LegacyXmlReportGeneratingListener(reportDir, new PrintWriter(System.err, true)));
        }
        LauncherFactory.create().execute(discovery, listeners.toArray(TestExecutionListener[]::new));
        return new ContractResult(recorder.checks, new ArrayList<>(ContractParameters.CREATED));
    }

    /** Collects and prints each check's outcome. */
    private static final class Recorder implements TestExecutionListener {
        private final PrintStream out;
        private final List<ContractResult.Check> checks = new ArrayList<>();
        private TestPlan plan;

        Recorder(PrintStream out) {
            this.out = out;
        }

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            this.plan = testPlan;
        }

        @Override
        public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            boolean failed = result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
            if (!identifier.isTest() && !failed) {
                return;
            }
            String name = name(identifier);
            String failure = result.getThrowable().map(Throwable::getMessage).orElse(failed ? result.getStatus().name() : null);
            synchronized (checks) {
                checks.add(new ContractResult.Check(name, !failed, failure));
            }
            out.println((failed ? "FAIL  " : "PASS  ") + name);
            if (failed) {
                out.println("      " + String.valueOf(failure).replace("\n", "\n      "));
            }
        }

        private String name(TestIdentifier identifier) {
            List<String> parts = new ArrayList<>();
            for (TestIdentifier current = identifier; current != null; current = plan.getParent(current).orElse(null)) {
                if (current.getSource().isPresent()) {
                    parts.add(0, current.getDisplayName());
                }
            }
            return String.join(" > ", parts);
        }
    }
}

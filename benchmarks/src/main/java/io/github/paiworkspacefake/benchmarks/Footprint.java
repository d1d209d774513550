package io.github.paiworkspacefake.benchmarks;

import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.Workspace;
import java.lang.management.ManagementFactory;

/**
 * Heap per stored workspace with 100,000 stored (start-up is measured by {@link StandaloneComparison}). Run:
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.paiworkspacefake.benchmarks.Footprint}.
 */
public final class Footprint {

    private static final int WORKSPACES = 100_000;

    private Footprint() {}

    /** Prints the measurement. */
    public static void main(String[] args) {
        heapPerWorkspace();
    }

    private static void heapPerWorkspace() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            long before = usedHeapAfterGc();
            for (int i = 0; i < WORKSPACES; i++) {
                fake.addWorkspace(Workspace.builder("ws_" + i)
                        .description("benchmark workspace " + i)
                        .build());
            }
            long after = usedHeapAfterGc();
            System.out.printf(
                    "heap: %d workspaces stored use %.1f MiB, %d bytes per workspace%n",
                    fake.workspaces().size(), (after - before) / 1048576.0, (after - before) / WORKSPACES);
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}

package io.github.paiworkspacefake.benchmarks;

import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.Workspace;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.io.IOException;

/**
 * The measurements that are not JMH timings: heap per stored workspace with 100,000 stored, and how soon the
 * standalone jar answers after {@code java -jar}. Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.paiworkspacefake.benchmarks.Footprint [path/to/pai-workspace-fake-server.jar]}.
 */
public final class Footprint {

    private static final int WORKSPACES = 100_000;

    private Footprint() {
    }

    /** Prints both measurements. */
    public static void main(String[] args) throws Exception {
        heapPerWorkspace();
        if (args.length > 0) {
            jarReadiness(Path.of(args[0]));
        }
    }

    private static void heapPerWorkspace() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            long before = usedHeapAfterGc();
            for (int i = 0; i < WORKSPACES; i++) {
                fake.addWorkspace(Workspace.builder("ws_" + i).description("benchmark workspace " + i).build());
            }
            long after = usedHeapAfterGc();
            System.out.printf("heap: %d workspaces stored use %.1f MiB, %d bytes per workspace%n",
                    fake.workspaces().size(), (after - before) / 1048576.0, (after - before) / WORKSPACES);
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void jarReadiness(Path jar) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        HttpClient client = HttpClient.newHttpClient();
        List<Long> millis = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            int port = 18900 + run;
            long start = System.nanoTime();
            Process process = new ProcessBuilder(javaBin, "-jar", jar.toString(), "--port", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                while (true) {
                    try {
                        client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/defaultWorkspaces")).build(),
                                HttpResponse.BodyHandlers.discarding());
                        break;
                    } catch (IOException notYet) {
                        TimeUnit.MILLISECONDS.sleep(5);
                    }
                }
                millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            } finally {
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        millis.sort(Long::compare);
        System.out.println("jar: first answer after java -jar, median of 5: " + millis.get(2) + " ms " + millis);
    }
}

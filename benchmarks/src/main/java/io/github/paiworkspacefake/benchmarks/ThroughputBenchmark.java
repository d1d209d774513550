package io.github.paiworkspacefake.benchmarks;

import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** Requests per second on loopback with 4 concurrent clients, GetWorkspace beside the baselines, and CreateWorkspace. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(4)
@Fork(1)
public class ThroughputBenchmark {

    private final HttpClient client = Servers.client();
    private final AtomicLong names = new AtomicLong();
    private Servers.Running fake;
    private Servers.Running javalin;
    private Servers.Running jdk;
    private Servers.Running wireMock;
    private PaiWorkspaceFake createTarget;

    @Setup(Level.Trial)
    public void start() {
        fake = Servers.fake();
        javalin = Servers.javalin();
        jdk = Servers.jdkHttpServer();
        wireMock = Servers.wireMock();
        createTarget = PaiWorkspaceFake.builder()
                .maxWorkspaces(Integer.MAX_VALUE)
                .build()
                .start();
    }

    @TearDown(Level.Trial)
    public void stop() {
        fake.close();
        javalin.close();
        jdk.close();
        wireMock.close();
        createTarget.close();
    }

    @Benchmark
    public int getWorkspaceFake() {
        return Servers.get(client, fake.baseUrl());
    }

    @Benchmark
    public int getWorkspaceBareJavalin() {
        return Servers.get(client, javalin.baseUrl());
    }

    @Benchmark
    public int getWorkspaceJdkHttpServer() {
        return Servers.get(client, jdk.baseUrl());
    }

    @Benchmark
    public int getWorkspaceWireMock() {
        return Servers.get(client, wireMock.baseUrl());
    }

    @Benchmark
    public int createWorkspaceFake() throws IOException, InterruptedException {
        String body = "{\"WorkspaceName\":\"bench_" + names.incrementAndGet()
                + "\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}";
        HttpResponse<byte[]> response = client.send(
                HttpRequest.newBuilder(URI.create(createTarget.baseUrl() + "/api/v1/workspaces"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        return response.body().length;
    }
}

package io.github.paiworkspacefake.benchmarks;

import java.net.http.HttpClient;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-test cost in a warmed JVM: start a server, answer the first request, stop it. {@code SampleTime} gives the
 * median (p0.50) the goals speak of.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LifecycleBenchmark {

    private final HttpClient client = Servers.client();

    @Benchmark
    public int fake() {
        try (Servers.Running server = Servers.fake()) {
            return Servers.get(client, server.baseUrl());
        }
    }

    @Benchmark
    public int bareJavalin() {
        try (Servers.Running server = Servers.javalin()) {
            return Servers.get(client, server.baseUrl());
        }
    }

    @Benchmark
    public int wireMock() {
        try (Servers.Running server = Servers.wireMock()) {
            return Servers.get(client, server.baseUrl());
        }
    }

    @Benchmark
    public int jdkHttpServer() {
        try (Servers.Running server = Servers.jdkHttpServer()) {
            return Servers.get(client, server.baseUrl());
        }
    }
}

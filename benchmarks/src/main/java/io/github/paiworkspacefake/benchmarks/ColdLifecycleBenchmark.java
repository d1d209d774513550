package io.github.paiworkspacefake.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/** Per-test cost of the first test in a fresh JVM: one start, request and stop per fork. */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
public class ColdLifecycleBenchmark {

    @Benchmark
    public int fake() {
        try (Servers.Running server = Servers.fake()) {
            return Servers.get(Servers.client(), server.baseUrl());
        }
    }

    @Benchmark
    public int bareJavalin() {
        try (Servers.Running server = Servers.javalin()) {
            return Servers.get(Servers.client(), server.baseUrl());
        }
    }

    @Benchmark
    public int wireMock() {
        try (Servers.Running server = Servers.wireMock()) {
            return Servers.get(Servers.client(), server.baseUrl());
        }
    }
}

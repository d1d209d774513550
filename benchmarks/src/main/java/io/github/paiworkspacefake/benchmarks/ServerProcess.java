package io.github.paiworkspacefake.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A server under measurement started as its own process (a {@code java -jar} or a {@code docker run}), the moment it
 * was started, and how it is stopped. Its output goes to a log file, as a user's terminal or container log would take
 * it.
 */
final class ServerProcess implements AutoCloseable {

    private static final HttpClient PROBE = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    private final String name;
    private final Process process;
    private final long startNanos;
    private final List<String> stopCommand;

    private ServerProcess(String name, Process process, long startNanos, List<String> stopCommand) {
        this.name = name;
        this.process = process;
        this.startNanos = startNanos;
        this.stopCommand = stopCommand;
    }

    /** The path of this JVM's {@code java}, for children on the same runtime. */
    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Starts {@code command}, its output to {@code log}. {@code stopCommand}, when not empty, is run to stop the
     * server (a container outlives its {@code docker run -d}); otherwise the process gets SIGTERM.
     */
    static ServerProcess start(String name, List<String> command, Path log, List<String> stopCommand) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        long start = System.nanoTime();
        try {
            return new ServerProcess(name, builder.start(), start, stopCommand);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + command, e);
        }
    }

    /**
     * Polls {@code probe} every 2 ms until an answer that {@code fromTheServer} accepts arrives (a refused or reset
     * connection, or a proxy's answer, is not one) and returns the milliseconds since the process was started.
     *
     * <p>A container's first probe waits for its {@code docker run -d} to return, as a user's script or Testcontainers
     * does: a connection to the published port before that makes Docker's proxy dial the container's address before
     * the container's network exists, the host's ARP request for that address goes unanswered, and every connection
     * then waits for ARP's one-second retransmission, which would measure the probe, not the fake.
     */
    double awaitFirstAnswer(URI probe, Predicate<HttpResponse<byte[]>> fromTheServer, Duration timeout) {
        long deadline = startNanos + timeout.toNanos();
        if (!stopCommand.isEmpty()) {
            awaitLauncher(deadline);
        }
        HttpRequest request =
                HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<byte[]> response = PROBE.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (fromTheServer.test(response)) {
                    return (System.nanoTime() - startNanos) / 1e6;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (!stopCommand.isEmpty() || process.isAlive()) {
                sleep(2);
            } else {
                throw new IllegalStateException(
                        name + " exited with status " + process.exitValue() + " before answering");
            }
        }
        throw new IllegalStateException(name + " did not answer " + probe + " within " + timeout);
    }

    /** Waits for a {@code docker run -d} to return, which it does once the container has started. */
    private void awaitLauncher(long deadline) {
        try {
            if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException(name + ": docker run -d did not return in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + ": docker run -d failed with status " + process.exitValue());
        }
    }

    @Override
    public void close() {
        try {
            if (stopCommand.isEmpty()) {
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } else {
                process.waitFor(20, TimeUnit.SECONDS);
                new ProcessBuilder(stopCommand)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start()
                        .waitFor(60, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

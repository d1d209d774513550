package io.github.paiworkspacefake.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator: {@code wrk} in its own process (not the server's JVM), 2 threads and 32 connections on
 * loopback, as the table measures. A run with any non-2xx answer or socket error fails, so a broken server
 * cannot look fast.
 */
final class Wrk {

    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P50 = Pattern.compile("\\n\\s+50%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern P99 = Pattern.compile("\\n\\s+99%\\s+([0-9.]+)(us|ms|s)");

    /** One run's result. */
    record Result(double requestsPerSecond, double p50Millis, double p99Millis) {}

    private Wrk() {}

    /** Loads {@code url} for {@code seconds} and returns what wrk measured. */
    static Result run(String url, int seconds) {
        return run(url, seconds, null);
    }

    /** {@link #run(String, int)} with requests made by a Lua script ({@code -s}), such as a create per request. */
    static Result run(String url, int seconds, Path script) {
        List<String> command =
                new ArrayList<>(List.of("wrk", "-t2", "-c32", "-d" + seconds + "s", "--timeout", "10s", "--latency"));
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(url);
        String output;
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("wrk failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run wrk (install it: apt-get install wrk)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (output.contains("Non-2xx or 3xx responses") || output.contains("Socket errors")) {
            throw new IllegalStateException("wrk saw failed requests on " + url + ":\n" + output);
        }
        Matcher rate = REQUESTS_PER_SECOND.matcher(output);
        if (!rate.find()) {
            throw new IllegalStateException("no Requests/sec in wrk's output:\n" + output);
        }
        return new Result(Double.parseDouble(rate.group(1)), millis(P50, output), millis(P99, output));
    }

    private static double millis(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(matcher.group(1));
        return switch (matcher.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}

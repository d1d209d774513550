package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged standalone jar running as users run it ({@code java -jar pai-workspace-fake-server.jar ...}), with its
 * output collected line by line; closing sends SIGTERM and waits.
 */
final class RunningJar implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("standalone.jar", "target/pai-workspace-fake-server.jar"));
    static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    final Process process;
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    RunningJar(String... args) throws IOException {
        this(List.of(), args);
    }

    RunningJar(List<String> jvmOptions, String... args) throws IOException {
        process = java(jvmOptions, args);
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (IOException | UncheckedIOException ignored) {
                // the process ended
            }
        });
        reader.start();
    }

    /** Starts {@code java -jar} with these JVM options and arguments, its error output merged into its output. */
    static Process java(List<String> jvmOptions, String... args) throws IOException {
        assertThat(JAR).exists();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(javaBin));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Waits up to 30 s for a line of output that matches. */
    Matcher awaitLine(Pattern pattern) throws InterruptedException {
        return awaitLine(lines, pattern);
    }

    /** SIGTERM, as {@code kill} sends it; unlike Process#destroy it leaves the output streams open. */
    boolean terminate() throws InterruptedException {
        process.toHandle().destroy();
        return process.waitFor(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        terminate();
        process.destroyForcibly();
    }

    static Matcher awaitLine(BlockingQueue<String> lines, Pattern pattern) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(250, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            seen.append(line).append('\n');
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                return matcher;
            }
        }
        throw new AssertionError("no line matching " + pattern + " in:\n" + seen);
    }
}

package io.github.paiworkspacefake.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The hottest methods of a JFR recording's {@code jdk.ExecutionSample} events: by self time (the top frame), and the
 * fake's own methods ({@code io.github.paiworkspacefake}, or the methods whose class starts with another prefix) by
 * total time (anywhere on the stack). Run:
 * {@code java -cp benchmarks.jar io.github.paiworkspacefake.benchmarks.Hotspots FILE.jfr [TOP [PREFIX]]}.
 */
public final class Hotspots {

    private static final String OURS = "io.github.paiworkspacefake.";

    private Hotspots() {}

    /** Prints the hotspots of the recording named by the first argument. */
    public static void main(String[] args) throws IOException {
        print(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 15, args.length > 2 ? args[2] : OURS);
    }

    static void print(Path recording, int top) throws IOException {
        print(recording, top, OURS);
    }

    static void print(Path recording, int top, String prefix) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> ourTotal = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            RecordedStackTrace stack = event.getStackTrace();
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")
                    || stack == null
                    || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> ours = new LinkedHashSet<>();
            frames.stream()
                    .map(Hotspots::name)
                    .filter(name -> name.startsWith(prefix))
                    .forEach(ours::add);
            ours.forEach(name -> ourTotal.merge(name, 1, Integer::sum));
        }
        System.out.println("JFR " + recording + ": " + samples + " execution samples");
        System.out.println("-- hottest methods by self time (top frame)");
        printTop(self, samples, top);
        System.out.println(
                "-- methods of " + (prefix.isEmpty() ? "every class" : prefix + "*") + " by total time (on the stack)");
        printTop(ourTotal, samples, top);
    }

    private static void printTop(Map<String, Integer> counts, int samples, int top) {
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(entry -> System.out.println(Report.format(
                        "%6.2f%%  %6d  %s",
                        100.0 * entry.getValue() / Math.max(1, samples), entry.getValue(), entry.getKey())));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}

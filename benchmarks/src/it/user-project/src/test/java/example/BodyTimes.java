package example;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * When each test body started and ended ({@link System#nanoTime()}), written by each class's {@code @AfterAll} to
 * {@code target/body-times/CLASS.txt}, one body a line: what the testers of issue #22 recorded.
 */
final class BodyTimes {

    /** How many tests each class runs. */
    static final int TESTS = 600;

    private static final List<long[]> BODIES = new ArrayList<>();
    private static long currentStart;

    private BodyTimes() {}

    /** The first statement of a test body. */
    static synchronized void bodyStarts() {
        currentStart = System.nanoTime();
    }

    /** The last statement of a test body. */
    static synchronized void bodyEnds() {
        BODIES.add(new long[] {currentStart, System.nanoTime()});
    }

    /** Writes the bodies' times for {@code testClass}, as "start end" lines in nanoseconds. */
    static synchronized void write(Class<?> testClass) {
        StringBuilder lines = new StringBuilder();
        for (long[] body : BODIES) {
            lines.append(body[0]).append(' ').append(body[1]).append('\n');
        }
        Path dir = Path.of(System.getProperty("body.times.dir", "target/body-times"));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(testClass.getSimpleName() + ".txt"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BODIES.clear();
    }
}

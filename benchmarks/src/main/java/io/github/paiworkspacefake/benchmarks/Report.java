package io.github.paiworkspacefake.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The rows of the README's table as one run measures them: printed, and appended to a Markdown file
 * ({@code summary.md}) that {@code run.sh} prints at the end.
 */
public final class Report {

    private final Path summary;

    /** Appends to {@code summary}, creating it when missing. */
    public Report(Path summary) {
        this.summary = summary;
    }

    /** One row: what was measured, its value, the reference measured beside it, their ratio, the goal and the verdict. */
    public void row(String measure, String value, String reference, String ratio, String goal, String met) {
        append("| " + String.join(" | ", measure, value, reference, ratio, goal, met) + " |");
    }

    /** A line under the table. */
    public void note(String text) {
        append("- " + text);
    }

    /** {@link String#format} with a fixed locale, so numbers read the same on every machine. */
    public static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    private void append(String line) {
        System.out.println(line);
        try {
            Files.writeString(
                    summary,
                    line + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

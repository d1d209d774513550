package io.github.paiworkspacefake.server.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java example in README.md and docs/ is taken from a test that compiles and runs: each is preceded by
 * {@code <!-- checked against: PATH#NAME -->} and is, to the character, the region between {@code // docs:begin NAME}
 * and {@code // docs:end NAME} in that file (indentation of the region removed). An example edited in the docs but
 * not in its test, or the other way round, fails here.
 */
class DocumentationExamplesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern BLOCK = Pattern.compile(
            "(?m)^( *)(?:<!-- checked against: ([^#\\s]+)#([\\w-]+) -->\\n\\1)?```java\\n(.*?)^\\1```$",
            Pattern.DOTALL);

    @Test
    void everyJavaExampleStandsInTheTestItNames() throws IOException {
        List<String> problems = new ArrayList<>();
        int examples = 0;
        for (Path doc : documents()) {
            Matcher block = BLOCK.matcher(Files.readString(doc));
            while (block.find()) {
                examples++;
                String where = ROOT.relativize(doc) + " at offset " + block.start();
                if (block.group(2) == null) {
                    problems.add(where + ": no <!-- checked against: PATH#NAME --> before the example");
                    continue;
                }
                Path source = ROOT.resolve(block.group(2));
                if (!Files.isRegularFile(source)) {
                    problems.add(where + ": " + block.group(2) + " does not exist");
                    continue;
                }
                String expected = region(Files.readAllLines(source), block.group(3));
                String shown = dedent(List.of(block.group(4).split("\n", -1)));
                if (expected == null) {
                    problems.add(where + ": " + block.group(2) + " has no region // docs:begin " + block.group(3));
                } else if (!expected.strip().equals(shown.strip())) {
                    problems.add(where + ": differs from the region " + block.group(3) + " of " + block.group(2)
                            + "\n--- docs ---\n" + shown + "\n--- test ---\n" + expected);
                }
            }
        }
        assertThat(examples).as("Java examples found").isGreaterThanOrEqualTo(10);
        assertThat(problems).isEmpty();
    }

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    /** The lines between {@code // docs:begin name} and {@code // docs:end name}, dedented; null when absent. */
    private static String region(List<String> source, String name) {
        int begin = source.stream().map(String::strip).toList().indexOf("// docs:begin " + name);
        int end = source.stream().map(String::strip).toList().indexOf("// docs:end " + name);
        return begin < 0 || end < begin ? null : dedent(source.subList(begin + 1, end));
    }

    private static String dedent(List<String> lines) {
        int indent = lines.stream()
                .filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min()
                .orElse(0);
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return text.toString();
    }
}

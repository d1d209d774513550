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
 * {@code <!-- checked against: PATH -->}, and each of its lines stands in that file, in the same order (indentation
 * aside). An example edited in the docs but not in its test, or the other way round, fails here.
 */
class DocumentationExamplesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern BLOCK = Pattern.compile(
            "(?m)^( *)(?:<!-- checked against: (\\S+) -->\\n\\1)?```java\\n(.*?)^\\1```$", Pattern.DOTALL);

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
                    problems.add(where + ": no <!-- checked against: PATH --> before the example");
                    continue;
                }
                Path source = ROOT.resolve(block.group(2));
                if (!Files.isRegularFile(source)) {
                    problems.add(where + ": " + block.group(2) + " does not exist");
                    continue;
                }
                String missing = firstLineNotInOrder(block.group(3), Files.readAllLines(source));
                if (missing != null) {
                    problems.add(where + ": \"" + missing + "\" is not in " + block.group(2) + " (in this order)");
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

    /** The first non-blank line of the example that does not follow the previous one in the source, or null. */
    private static String firstLineNotInOrder(String example, List<String> source) {
        int next = 0;
        for (String line : example.split("\n", -1)) {
            String wanted = line.strip();
            if (wanted.isEmpty()) {
                continue;
            }
            int found = -1;
            for (int i = next; i < source.size(); i++) {
                if (source.get(i).strip().equals(wanted)) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                return wanted;
            }
            next = found + 1;
        }
        return null;
    }
}

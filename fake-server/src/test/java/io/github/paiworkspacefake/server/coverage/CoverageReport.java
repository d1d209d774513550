package io.github.paiworkspacefake.server.coverage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.internal.catalogue.Catalogue;
import io.github.paiworkspacefake.server.internal.catalogue.OperationSpec;
import io.github.paiworkspacefake.server.internal.families.Families;
import io.github.paiworkspacefake.server.internal.pipeline.BehaviourRegistry;
import io.github.paiworkspacefake.server.internal.pipeline.Binding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * docs/coverage.md and its JSON twin, made from the operation catalogue, the behaviour registry and the repository's
 * tests: per family the share served, per operation its method and path, whether it is served, the validation rules
 * the pipeline enforces for it, how many test files name it, and the parameters it does not honour.
 */
final class CoverageReport {

    /** Test sources that exercise operations through a fake, a client or the contract suite. */
    private static final List<String> TEST_ROOTS = List.of(
            "fake-server/src/test",
            "junit-extension/src/test",
            "junit-extension/src/it",
            "contract-tests/src/main",
            "contract-tests/src/test");

    /** Tests of the catalogue and the pipeline's own parts name operations as specimens, not to exercise them. */
    private static final List<String> SPECIMEN_DIRECTORIES =
            List.of("/server/catalogue/", "/server/coverage/", "/server/internal/");

    private final Path root;

    CoverageReport(Path root) {
        this.root = root;
    }

    private record Row(OperationSpec spec, boolean served, int rules, int tests, Map<String, String> unhonoured) {}

    private List<Row> rows() {
        BehaviourRegistry registry = Families.registry();
        List<String> sources = testSources();
        List<Row> rows = new ArrayList<>();
        for (Operation operation : Operation.values()) {
            OperationSpec spec = Catalogue.get().operation(operation);
            Pattern named = Pattern.compile("\\b" + operation.name() + "\\b");
            int tests = (int) sources.stream()
                    .filter(source -> named.matcher(source).find())
                    .count();
            Map<String, String> unhonoured =
                    registry.binding(operation).map(Binding::unhonoured).orElse(Map.of());
            boolean served = registry.serves(operation);
            rows.add(new Row(spec, served, served ? spec.ruleCount() : 0, tests, unhonoured));
        }
        return rows;
    }

    private List<String> testSources() {
        List<String> sources = new ArrayList<>();
        for (String testRoot : TEST_ROOTS) {
            Path directory = root.resolve(testRoot);
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(directory)) {
                files.filter(file -> file.toString().endsWith(".java")
                                || file.toString().endsWith(".js"))
                        .filter(file -> SPECIMEN_DIRECTORIES.stream()
                                .noneMatch(part ->
                                        file.toString().replace('\\', '/').contains(part)))
                        .sorted()
                        .forEach(file -> sources.add(read(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Markdown report. */
    String markdown() {
        List<Row> rows = rows();
        Map<String, List<Row>> byFamily = new LinkedHashMap<>();
        rows.forEach(row -> byFamily.computeIfAbsent(row.spec().family(), f -> new ArrayList<>())
                .add(row));
        long served = rows.stream().filter(Row::served).count();
        StringBuilder out = new StringBuilder();
        out.append("# API coverage\n\n")
                .append("Which operations of the AIWorkSpace API (version 2021-02-04) pai-workspace-fake serves: ")
                .append("**")
                .append(served)
                .append(" of ")
                .append(rows.size())
                .append("** (the 127 of the current SDK and CreateDefaultWorkspace, which the SDK dropped in 2022). ")
                .append("An operation not served answers `501 NotImplemented` in the API's error format ")
                .append("([Operations and errors](operations.md)); a parameter an operation does not honour is ")
                .append("refused with `400 UnsupportedParameter` unless the fake is lenient.\n\n")
                .append("Generated from the operation catalogue and the behaviour registry by ")
                .append("`CoverageReportTest`, which fails the build when this file is stale ")
                .append(
                        "(`mvn -pl fake-server -am test -Dtest=CoverageReportTest -Dsurefire.failIfNoSpecifiedTests=false ")
                .append("-Dcoverage.write=true` rewrites it). The same data: [coverage.json](coverage.json). ")
                .append("*Rules* counts the validation rules the request pipeline enforces from the catalogue ")
                .append("(required members, enumerations, lengths, patterns, ranges and non-string types); *tests* ")
                .append("counts the test files of this repository that name the operation (the fake's, the JUnit ")
                .append("extension's and its user projects', and the contract suite), leaving out the tests of the ")
                .append("catalogue and the pipeline, which use operations as specimens.\n\n");
        out.append("| family | served | of |\n|---|---|---|\n");
        byFamily.forEach((family, familyRows) -> out.append("| [")
                .append(family)
                .append("](#")
                .append(family.toLowerCase(java.util.Locale.ROOT))
                .append(") | ")
                .append(familyRows.stream().filter(Row::served).count())
                .append(" | ")
                .append(familyRows.size())
                .append(" |\n"));
        byFamily.forEach((family, familyRows) -> {
            out.append("\n## ").append(family).append("\n\n");
            out.append("| operation | method and path | served | rules | tests | not honoured |\n");
            out.append("|---|---|---|---|---|---|\n");
            for (Row row : familyRows) {
                out.append("| ")
                        .append(row.spec().name())
                        .append(" | `")
                        .append(row.spec().method())
                        .append(' ')
                        .append(row.spec().path())
                        .append("` | ")
                        .append(row.served() ? "yes" : "501")
                        .append(" | ")
                        .append(row.rules())
                        .append(" | ")
                        .append(row.tests())
                        .append(" | ")
                        .append(String.join(", ", row.unhonoured().keySet()))
                        .append(" |\n");
            }
        });
        return out.toString();
    }

    /** The JSON twin. */
    String json() {
        List<Row> rows = rows();
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode document = mapper.createObjectNode();
        document.put("api", "AIWorkSpace");
        document.put("version", "2021-02-04");
        document.put("served", rows.stream().filter(Row::served).count());
        document.put("operations", rows.size());
        ArrayNode families = document.putArray("families");
        Arrays.stream(Operation.values()).map(Operation::family).distinct().forEach(family -> {
            List<Row> familyRows = rows.stream()
                    .filter(row -> row.spec().family().equals(family))
                    .toList();
            families.addObject()
                    .put("name", family)
                    .put("served", familyRows.stream().filter(Row::served).count())
                    .put("operations", familyRows.size());
        });
        ArrayNode operations = document.putArray("operationList");
        for (Row row : rows) {
            ObjectNode item = operations
                    .addObject()
                    .put("name", row.spec().name())
                    .put("family", row.spec().family())
                    .put("method", row.spec().method())
                    .put("path", row.spec().path())
                    .put("served", row.served())
                    .put("rules", row.rules())
                    .put("tests", row.tests());
            ObjectNode unhonoured = item.putObject("notHonoured");
            row.unhonoured().forEach(unhonoured::put);
        }
        try {
            return mapper.writeValueAsString(document) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

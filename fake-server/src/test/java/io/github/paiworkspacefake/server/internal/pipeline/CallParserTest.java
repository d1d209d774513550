package io.github.paiworkspacefake.server.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.internal.catalogue.Catalogue;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pipeline's parse and validate stages, driven by the catalogue for any operation. */
class CallParserTest {

    private static Call parse(Operation operation, Map<String, String> path, String query, String body) {
        return parse(operation, path, query, body, Map.of(), false);
    }

    private static Call parse(
            Operation operation,
            Map<String, String> path,
            String query,
            String body,
            Map<String, String> unhonoured,
            boolean lenient) {
        return CallParser.parse(
                Catalogue.get().operation(operation),
                new Binding(operation, call -> Answer.empty(), unhonoured),
                new RequestParts(
                        path,
                        query,
                        "application/json",
                        () -> body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8)),
                Account.DEFAULT,
                "REQUEST-ID",
                null,
                lenient);
    }

    private static ApiException refusal(Runnable parse) {
        return catchThrowableOfType(ApiException.class, parse::run);
    }

    @Test
    void readsEachParameterWhereItTravelsByItsDeclaredType() {
        Call call = parse(
                Operation.ListWorkspaces,
                Map.of(),
                "PageNumber=9223372036854775807&PageSize=7&Verbose=TRUE&WorkspaceIds=1,%202,,3",
                null);

        assertThat(call.number("PageNumber")).contains(Long.MAX_VALUE);
        assertThat(call.number("PageSize")).contains(7L);
        assertThat(call.isTrue("Verbose")).isTrue();
        assertThat(call.strings("WorkspaceIds")).contains(List.of("1", "2", "3"));
        assertThat(call.has("Status")).isFalse();
    }

    @Test
    void aMissingRequiredParameterIsMissingParameterNamingIt() {
        ApiException missing = refusal(() ->
                parse(Operation.CreateWorkspace, Map.of(), null, "{\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}"));

        assertThat(missing.code()).isEqualTo("MissingParameter");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.getMessage()).contains("\"WorkspaceName\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PageSize=0", "PageSize=101", "PageSize=abc", "PageNumber=0", "SortBy=gmtCreateTime"})
    void aValueOutsideTheDeclaredRulesIsInvalidParameterNamingIt(String query) {
        ApiException invalid = refusal(() -> parse(Operation.ListWorkspaces, Map.of(), query, null));

        assertThat(invalid.code()).isEqualTo("InvalidParameter");
        assertThat(invalid.getMessage()).contains("\"" + query.substring(0, query.indexOf('=')) + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Verbose=maybe", "Verbose=", "Verbose=true&Verbose=false"})
    void aBooleanIsTrueOrFalseOnce(String query) {
        assertThat(refusal(() -> parse(Operation.GetWorkspace, Map.of("WorkspaceId", "1"), query, null))
                        .code())
                .isEqualTo("InvalidParameter");
    }

    @Test
    void checksEveryItemOfACommaSeparatedListAgainstTheEnum() {
        assertThat(parse(Operation.ListDatasets, Map.of(), "Properties=FILE,DIRECTORY", null)
                        .strings("Properties"))
                .contains(List.of("FILE", "DIRECTORY"));
        assertThat(refusal(() -> parse(Operation.ListDatasets, Map.of(), "Properties=FILE,folder", null))
                        .getMessage())
                .contains("FILE", "DIRECTORY", "\"folder\"");
    }

    @Test
    void countsLengthsInCharactersNotBytes() {
        String longest = "数".repeat(127);
        String body = "{\"Name\":\"%s\",\"Property\":\"FILE\",\"DataSourceType\":\"OSS\",\"Uri\":\"oss://b/k\"}";

        assertThat(parse(Operation.CreateDataset, Map.of(), null, body.formatted(longest))
                        .string("Name"))
                .contains(longest);
        assertThat(refusal(() -> parse(Operation.CreateDataset, Map.of(), null, body.formatted(longest + "数")))
                        .getMessage())
                .contains("1 to 127 characters", "got 128");
    }

    @Test
    void aPatternIsExplainedInWords() {
        ApiException invalid = refusal(() -> parse(
                Operation.CreateWorkspace,
                Map.of(),
                null,
                "{\"WorkspaceName\":\"1abc\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}"));

        assertThat(invalid.getMessage()).contains("start with a letter", "\"1abc\"");
    }

    @Test
    void checksTheDeclaredMembersOfObjectsInArrays() {
        ApiException missing = refusal(() -> parse(
                Operation.CreateMember,
                Map.of("WorkspaceId", "1"),
                null,
                "{\"Members\":[{\"Roles\":[\"PAI.AlgoDeveloper\"]}]}"));
        ApiException notAnObject = refusal(
                () -> parse(Operation.CreateMember, Map.of("WorkspaceId", "1"), null, "{\"Members\":[\"u1\"]}"));

        assertThat(missing.code()).isEqualTo("MissingParameter");
        assertThat(missing.getMessage()).contains("\"UserId\"");
        assertThat(notAnObject.getMessage()).contains("every item must be an object");
    }

    @Test
    void keepsLabelsInTheOrderSentWithTheirDeclaredMembers() {
        Call call = parse(
                Operation.CreateDatasetLabels,
                Map.of("DatasetId", "d-1"),
                null,
                "{\"DatasetId\":\"d-1\",\"Labels\":[{\"Key\":\"b\",\"Value\":\"2\",\"Extra\":1},{\"Key\":\"a\",\"Value\":\"1\"}]}");

        assertThat(call.objects("Labels"))
                .contains(List.of(Map.of("Key", "b", "Value", "2"), Map.of("Key", "a", "Value", "1")));
    }

    @Test
    void anEmptyStringIsAStringMembersValueAndAnyOtherMemberAbsent() {
        Call call = parse(
                Operation.CreateDataset,
                Map.of(),
                null,
                "{\"Name\":\"n\",\"Property\":\"FILE\",\"DataSourceType\":\"OSS\",\"Uri\":\"oss://b/k\","
                        + "\"Description\":\"\",\"DataSize\":\"\",\"Labels\":\"\",\"VersionLabels\":[{\"Key\":\"k\",\"Value\":\"\"}]}");

        assertThat(call.string("Description")).contains("");
        assertThat(call.has("DataSize")).isFalse();
        assertThat(call.has("Labels")).isFalse();
        assertThat(call.objects("VersionLabels")).contains(List.of(Map.of("Key", "k", "Value", "")));
    }

    @Test
    void keepsFreeFormObjectsAsSentNumbersIncluded() {
        Call call = parse(
                Operation.CreateModelVersion,
                Map.of("ModelId", "model-1"),
                null,
                "{\"Uri\":\"oss://b/m/\",\"TrainingSpec\":{\"b\":[1,2.50,{\"c\":null}],\"a\":true}}");

        Map<String, Object> spec = call.object("TrainingSpec").orElseThrow();
        assertThat(spec).containsOnlyKeys("b", "a");
        assertThat(spec.keySet()).containsExactly("b", "a");
        assertThat((List<?>) spec.get("b")).element(1).isEqualTo(new BigDecimal("2.50"));
    }

    @Test
    void readsAnIntegerSentAsAString() {
        Call call = parse(
                Operation.CreateDatasetVersion,
                Map.of("DatasetId", "d-1"),
                null,
                "{\"DataSourceType\":\"OSS\",\"Property\":\"FILE\",\"Uri\":\"oss://b/k\",\"DataSize\":\"2068\"}");

        assertThat(call.number("DataSize")).contains(2068L);
    }

    @Test
    void readsAQueryParameterTheSdkWritesAsJson() {
        Call call =
                parse(Operation.ListExperiment, Map.of(), "Options=%7B%22match_name_exactly%22%3A%22true%22%7D", null);

        assertThat(call.object("Options")).contains(Map.of("match_name_exactly", "true"));
        assertThat(refusal(() -> parse(Operation.ListExperiment, Map.of(), "Options=%7Bbroken", null))
                        .code())
                .isEqualTo("InvalidParameter");
    }

    @Test
    void refusesAnEmptyBodyWhereTheOperationTakesOne() {
        assertThat(refusal(() -> parse(Operation.UpdateDataset, Map.of("DatasetId", "d-1"), null, ""))
                        .code())
                .isEqualTo("MissingParameter");
        assertThat(parse(Operation.UpdateDataset, Map.of("DatasetId", "d-1"), null, "{}")
                        .has("Name"))
                .isFalse();
    }

    @Test
    void refusesAParameterTheBehaviourDoesNotHonourUnlessLenient() {
        Map<String, String> unhonoured = Map.of("ShareScope", "the fake shares no datasets.");

        ApiException refused =
                refusal(() -> parse(Operation.ListDatasets, Map.of(), "ShareScope=TO_ME", null, unhonoured, false));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("UnsupportedParameter");
        assertThat(refused.getMessage()).contains("\"ShareScope\"", "ListDatasets", "the fake shares no datasets.");
        assertThat(parse(Operation.ListDatasets, Map.of(), "ShareScope=TO_ME", null, unhonoured, true)
                        .string("ShareScope"))
                .contains("TO_ME");
        assertThat(parse(Operation.ListDatasets, Map.of(), "Name=x", null, unhonoured, false)
                        .string("Name"))
                .contains("x");
    }
}

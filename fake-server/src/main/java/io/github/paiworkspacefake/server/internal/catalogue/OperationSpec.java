package io.github.paiworkspacefake.server.internal.catalogue;

import io.github.paiworkspacefake.server.Operation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One operation as the catalogue declares it: where it is routed, what it takes and what its answer holds.
 *
 * @param operation         its constant
 * @param family            the family the reference puts it in
 * @param method            the HTTP method
 * @param path              the path template, with parameters in braces
 * @param summary           the reference's one-line description
 * @param parameters        its parameters, in the catalogue's order
 * @param response          the members of its answer, in the catalogue's order, with their declared spelling
 * @param list              how a list operation pages, sorts and filters; null for other operations
 * @param why               the fake's decisions about it, from the overlay
 */
public record OperationSpec(
        Operation operation,
        String family,
        String method,
        String path,
        String summary,
        List<ParameterSpec> parameters,
        List<FieldSpec> response,
        ListSpec list,
        List<String> why) {

    public OperationSpec {
        parameters = List.copyOf(parameters);
        response = List.copyOf(response);
        why = List.copyOf(why);
    }

    /** The operation's name, as in the API reference. */
    public String name() {
        return operation.name();
    }

    /** A parameter by its wire name. */
    public Optional<ParameterSpec> parameter(String name) {
        return Optional.ofNullable(byName().get(name));
    }

    private Map<String, ParameterSpec> byName() {
        return parameters.stream().collect(Collectors.toMap(ParameterSpec::name, Function.identity(), (a, b) -> a));
    }

    /** The parameters whose values are secrets, which the journal and the log never show. */
    public List<ParameterSpec> sensitiveParameters() {
        return parameters.stream().filter(ParameterSpec::sensitive).toList();
    }

    /** Whether any parameter travels in the body. */
    public boolean takesBody() {
        return parameters.stream().anyMatch(p -> p.location() == ParameterSpec.Location.BODY);
    }

    /** The spelling of the answer's request id: {@code RequestId}, or {@code requestId} where the SDK's model says so. */
    public String requestIdField() {
        return response.stream()
                .map(FieldSpec::name)
                .filter(name -> name.equals("requestId"))
                .findFirst()
                .orElse("RequestId");
    }

    /** How many validation rules the pipeline enforces for it: types other than strings, and each constraint. */
    public int ruleCount() {
        int rules = 0;
        for (ParameterSpec parameter : parameters) {
            rules += parameter.constraints().ruleCount() + typeRules(parameter.type());
        }
        return rules;
    }

    private static int typeRules(TypeSpec type) {
        int rules = type.kind() == TypeSpec.Kind.STRING || type.kind() == TypeSpec.Kind.ANY ? 0 : 1;
        if (type.items() != null) {
            rules += typeRules(type.items());
        }
        for (FieldSpec field : type.fields()) {
            rules += field.constraints().ruleCount() + typeRules(field.type());
        }
        return rules;
    }
}

package io.github.paiworkspacefake.server.internal.families;

import static io.github.paiworkspacefake.server.internal.families.RegistryAnswers.nonEmpty;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.registry.CodeSourceRegistry;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.pipeline.Answer;
import io.github.paiworkspacefake.server.internal.pipeline.Binder;
import io.github.paiworkspacefake.server.internal.pipeline.Call;
import io.github.paiworkspacefake.server.internal.pipeline.ListQuery;
import io.github.paiworkspacefake.server.internal.pipeline.OperationFamily;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CodeSource family: code sources of a workspace, read back as stored (the access token too, as Terraform's import
 * check needs), published from PRIVATE to PUBLIC. This family spells its modification time {@code GmtModifyTime}.
 */
final class CodeSourceOperations implements OperationFamily {

    /** The members a code source must keep non-empty: required on create, and an update cannot empty them. */
    private static final List<String> REQUIRED = List.of("DisplayName", "CodeRepo", "MountPath");

    @Override
    public String family() {
        return "CodeSource";
    }

    @Override
    public void bind(Binder binder) {
        binder.serve(Operation.CreateCodeSource, CodeSourceOperations::create);
        binder.serve(Operation.GetCodeSource, CodeSourceOperations::get);
        binder.serve(Operation.ListCodeSources, CodeSourceOperations::list);
        binder.serve(Operation.UpdateCodeSource, CodeSourceOperations::update);
        binder.serve(Operation.DeleteCodeSource, CodeSourceOperations::delete);
        binder.serve(Operation.PublishCodeSource, CodeSourceOperations::publish);
    }

    private static CodeSourceRegistry registry(Call call) {
        return new CodeSourceRegistry(call.fake());
    }

    private static Answer create(Call call) {
        Map<String, Object> fields = new LinkedHashMap<>();
        RegistryAnswers.copyGiven(call, RegistryAnswers.CODE_SOURCE_TEXTS, fields);
        RegistryAnswers.copyGiven(call, List.of("CloneType"), fields);
        nonEmpty(call, "Accessibility").ifPresent(value -> fields.put("Accessibility", value));
        Resource source = registry(call).create(call.requester(), call.requiredString("WorkspaceId"), fields);
        return Answer.empty().put("CodeSourceId", source.id());
    }

    private static Answer get(Call call) {
        return Answer.of(
                RegistryAnswers.codeSource(registry(call).codeSource(call.requester(), call.path("CodeSourceId"))));
    }

    private static Answer list(Call call) {
        List<Resource> sources = registry(call).list(call.requester(), call.requiredString("WorkspaceId"));
        return ListQuery.answer(call, sources, Resource::fields, RegistryAnswers::codeSource);
    }

    private static Answer update(Call call) {
        for (String name : REQUIRED) {
            call.string(name).filter(String::isEmpty).ifPresent(empty -> {
                throw ApiException.invalid(name, "a code source's " + name + " cannot be emptied.");
            });
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        RegistryAnswers.copyGiven(call, RegistryAnswers.CODE_SOURCE_TEXTS, changes);
        RegistryAnswers.copyGiven(call, List.of("CloneType"), changes);
        Resource source = registry(call).update(call.requester(), call.path("CodeSourceId"), fields -> {
            fields.putAll(changes);
            return fields;
        });
        return Answer.empty().put("CodeSourceId", source.id());
    }

    private static Answer delete(Call call) {
        String id = call.path("CodeSourceId");
        registry(call).delete(call.requester(), id);
        return Answer.empty().put("CodeSourceId", id);
    }

    private static Answer publish(Call call) {
        Resource source = registry(call).publish(call.requester(), call.path("CodeSourceId"));
        return Answer.empty().put("CodeSourceId", source.id());
    }
}

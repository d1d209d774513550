package io.github.paiworkspacefake.server.internal.families;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.internal.catalogue.ResourceSpec;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.domain.resources.Resources;
import io.github.paiworkspacefake.server.internal.domain.settings.SettingsResources;
import io.github.paiworkspacefake.server.internal.pipeline.Answer;
import io.github.paiworkspacefake.server.internal.pipeline.Binder;
import io.github.paiworkspacefake.server.internal.pipeline.Call;
import io.github.paiworkspacefake.server.internal.pipeline.ListQuery;
import io.github.paiworkspacefake.server.internal.pipeline.OperationFamily;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Prompt family ({@code /api/v1/prompts}): a workspace's prompts. Every operation names the workspace; a prompt of
 * another workspace is not found.
 */
final class PromptOperations implements OperationFamily {

    @Override
    public String family() {
        return "Prompt";
    }

    @Override
    public void bind(Binder binder) {
        binder.serve(Operation.CreatePrompt, PromptOperations::create);
        binder.serve(Operation.GetPrompt, PromptOperations::get);
        binder.serve(Operation.ListPrompts, PromptOperations::list);
        binder.serve(Operation.UpdatePrompt, PromptOperations::update);
        binder.serve(Operation.DeletePrompt, PromptOperations::delete);
    }

    private static ResourceSpec type() {
        return SettingsResources.type(SettingsResources.PROMPT);
    }

    private static String workspace(Call call) {
        String workspaceId = call.requiredString("WorkspaceId");
        call.fake().workspaces().owned(call.caller(), workspaceId);
        return workspaceId;
    }

    private static Resource prompt(Call call, String workspaceId) {
        return call.fake()
                .resources()
                .find(type(), call.caller().accountId(), null, call.path("PromptId"))
                .filter(prompt -> workspaceId.equals(prompt.workspaceId()))
                .orElseThrow(() -> ApiException.of(type().notFound()));
    }

    private static Answer create(Call call) {
        String workspaceId = workspace(call);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("WorkspaceId", workspaceId);
        fields.put("PromptName", call.requiredString("PromptName"));
        fields.put("Description", call.string("Description").orElse(null));
        fields.put("FrameworkType", call.string("FrameworkType").orElse(null));
        fields.put("FrameworkContent", call.string("FrameworkContent").orElse(null));
        fields.put("Accessibility", call.string("Accessibility").orElse("PRIVATE"));
        Resource prompt = call.fake()
                .resources()
                .create(type(), Resources.Creation.in(call.caller().accountId(), workspaceId, fields));
        return Answer.empty().put("PromptId", prompt.id());
    }

    private static Answer get(Call call) {
        Map<String, Object> view = view(prompt(call, workspace(call)));
        view.remove("PromptId");
        return Answer.of(view);
    }

    private static Answer list(Call call) {
        String workspaceId = workspace(call);
        return ListQuery.answer(
                call,
                call.fake()
                        .resources()
                        .list(
                                type(),
                                call.caller().accountId(),
                                null,
                                prompt -> workspaceId.equals(prompt.workspaceId())),
                Resource::fields,
                PromptOperations::view);
    }

    private static Map<String, Object> view(Resource prompt) {
        return Maps.ordered(
                "PromptId", prompt.id(),
                "PromptName", prompt.field("PromptName"),
                "Description", prompt.field("Description"),
                "FrameworkType", prompt.field("FrameworkType"),
                "FrameworkContent", prompt.field("FrameworkContent"),
                "Accessibility", prompt.field("Accessibility"),
                "CreateTime", prompt.field("CreateTime"),
                "ModifyTime", prompt.field("ModifyTime"));
    }

    /** UpdatePrompt: each member given replaces the stored one. */
    private static Answer update(Call call) {
        Resource prompt = prompt(call, workspace(call));
        Optional<String> description = call.string("Description");
        Optional<String> frameworkType = call.string("FrameworkType");
        Optional<String> frameworkContent = call.string("FrameworkContent");
        call.fake().resources().update(type(), call.caller().accountId(), null, prompt.id(), fields -> {
            description.ifPresent(value -> fields.put("Description", value));
            frameworkType.ifPresent(value -> fields.put("FrameworkType", value));
            frameworkContent.ifPresent(value -> fields.put("FrameworkContent", value));
            return fields;
        });
        return Answer.empty();
    }

    private static Answer delete(Call call) {
        Resource prompt = prompt(call, workspace(call));
        call.fake().resources().remove(type(), call.caller().accountId(), null, prompt.id());
        return Answer.empty();
    }
}

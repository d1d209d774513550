package io.github.paiworkspacefake.server.internal.families;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.internal.domain.ChangeResourceGroupRequest;
import io.github.paiworkspacefake.server.internal.pipeline.Answer;
import io.github.paiworkspacefake.server.internal.pipeline.Binder;
import io.github.paiworkspacefake.server.internal.pipeline.Call;
import io.github.paiworkspacefake.server.internal.pipeline.OperationFamily;

/** The reference's "Other" family: ChangeResourceGroup (a workspace's resource group). */
final class OtherOperations implements OperationFamily {

    @Override
    public String family() {
        return "Other";
    }

    @Override
    public void bind(Binder binder) {
        binder.serve(Operation.ChangeResourceGroup, OtherOperations::changeResourceGroup);
    }

    private static Answer changeResourceGroup(Call call) {
        call.fake()
                .workspaces()
                .changeResourceGroup(
                        call.caller(),
                        new ChangeResourceGroupRequest(
                                call.requiredString("ResourceId"), call.requiredString("NewResourceGroupId")));
        return Answer.empty();
    }
}

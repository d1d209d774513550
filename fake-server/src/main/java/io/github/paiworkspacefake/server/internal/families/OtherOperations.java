package io.github.paiworkspacefake.server.internal.families;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.internal.domain.ChangeResourceGroupRequest;
import io.github.paiworkspacefake.server.internal.pipeline.Answer;
import io.github.paiworkspacefake.server.internal.pipeline.Binder;
import io.github.paiworkspacefake.server.internal.pipeline.Call;
import io.github.paiworkspacefake.server.internal.pipeline.OperationFamily;

/**
 * The reference's "Other" family: ChangeResourceGroup (a workspace's resource group) and AcceptDataworksEvent, the
 * service's hook for DataWorks' messages, which the fake accepts and records in its journal but acts on in no way.
 */
final class OtherOperations implements OperationFamily {

    @Override
    public String family() {
        return "Other";
    }

    @Override
    public void bind(Binder binder) {
        binder.serve(Operation.ChangeResourceGroup, OtherOperations::changeResourceGroup);
        binder.serve(Operation.AcceptDataworksEvent, OtherOperations::acceptDataworksEvent);
    }

    /** Accepted: the request journal records the event; nothing the fake stores changes. */
    private static Answer acceptDataworksEvent(Call call) {
        return Answer.empty();
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

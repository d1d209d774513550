package io.github.paiworkspacefake.server.internal.families;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.domain.settings.RoleJobs;
import io.github.paiworkspacefake.server.internal.pipeline.Answer;
import io.github.paiworkspacefake.server.internal.pipeline.Binder;
import io.github.paiworkspacefake.server.internal.pipeline.Call;
import io.github.paiworkspacefake.server.internal.pipeline.OperationFamily;

/** The InstanceJob family: GetInstanceJob reports the job of a custom role's creation, update or deletion. */
final class InstanceJobOperations implements OperationFamily {

    @Override
    public String family() {
        return "InstanceJob";
    }

    @Override
    public void bind(Binder binder) {
        binder.serve(Operation.GetInstanceJob, InstanceJobOperations::get);
    }

    private static Answer get(Call call) {
        Resource job = RoleJobs.job(call.fake(), call.caller(), call.path("InstanceJobId"));
        return Answer.empty()
                .put("InstanceJobId", job.id())
                .put("Type", job.field("Type"))
                .put("InstanceId", job.field("InstanceId"))
                .put("Status", job.field("Status"))
                .put("ReasonMessage", job.field("ReasonMessage"))
                .put("GmtCreateTime", job.field("GmtCreateTime"));
    }
}

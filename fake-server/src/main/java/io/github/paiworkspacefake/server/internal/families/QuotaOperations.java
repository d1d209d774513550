package io.github.paiworkspacefake.server.internal.families;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.domain.settings.Offerings;
import io.github.paiworkspacefake.server.internal.pipeline.Answer;
import io.github.paiworkspacefake.server.internal.pipeline.Binder;
import io.github.paiworkspacefake.server.internal.pipeline.Call;
import io.github.paiworkspacefake.server.internal.pipeline.ListQuery;
import io.github.paiworkspacefake.server.internal.pipeline.OperationFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Quota family: ListQuotas answers the account's resource quotas, which test code sets (none by default). */
final class QuotaOperations implements OperationFamily {

    @Override
    public String family() {
        return "Quota";
    }

    @Override
    public void bind(Binder binder) {
        binder.serve(Operation.ListQuotas, QuotaOperations::list);
    }

    private static Answer list(Call call) {
        return ListQuery.answer(
                call,
                Offerings.quotas(call.fake(), call.caller().accountId()),
                Resource::fields,
                quota -> view(quota, true));
    }

    /** A quota as ListResources' items carry it: with its card type, specifications without their types. */
    static Map<String, Object> resourceQuota(Resource quota) {
        Map<String, Object> view = view(quota, false);
        view.put("CardType", quota.field("CardType"));
        view.values().removeIf(java.util.Objects::isNull);
        return view;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> view(Resource quota, boolean specTypes) {
        List<Map<String, Object>> specs = new ArrayList<>();
        for (Map<String, Object> spec :
                (List<Map<String, Object>>) quota.fields().getOrDefault("Specs", List.of())) {
            specs.add(Maps.ordered(
                    "Name", spec.get("Name"), "Type", specTypes ? spec.get("Type") : null, "Value", spec.get("Value")));
        }
        return Maps.ordered(
                "Id", quota.id(),
                "Name", quota.field("Name"),
                "DisplayName", quota.field("DisplayName"),
                "Mode", quota.field("Mode"),
                "ProductCode", quota.field("ProductCode"),
                "QuotaType", quota.field("QuotaType"),
                "Specs", specs);
    }
}

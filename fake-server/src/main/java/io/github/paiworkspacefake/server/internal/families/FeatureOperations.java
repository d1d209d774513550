package io.github.paiworkspacefake.server.internal.families;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.internal.domain.settings.Offerings;
import io.github.paiworkspacefake.server.internal.pipeline.Answer;
import io.github.paiworkspacefake.server.internal.pipeline.Binder;
import io.github.paiworkspacefake.server.internal.pipeline.Call;
import io.github.paiworkspacefake.server.internal.pipeline.OperationFamily;
import java.util.List;

/**
 * The Feature family: ListFeatures answers the features enabled for the account (none by default; test code enables
 * them), those named in {@code Names} only when given.
 */
final class FeatureOperations implements OperationFamily {

    @Override
    public String family() {
        return "Feature";
    }

    @Override
    public void bind(Binder binder) {
        binder.serve(Operation.ListFeatures, FeatureOperations::list);
    }

    private static Answer list(Call call) {
        List<String> enabled = Offerings.features(call.fake(), call.caller().accountId());
        List<String> features = call.strings("Names")
                .filter(names -> !names.isEmpty())
                .map(names -> enabled.stream().filter(names::contains).toList())
                .orElse(enabled);
        return Answer.empty().put("TotalCount", features.size()).put("Features", features);
    }
}

package io.github.paiworkspacefake.contract;

import static io.github.paiworkspacefake.contract.ErrorAnswers.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The model registry and code sources, read only: not-found answers of ids no account has, and ListModels' shape and
 * paging over whatever the account holds. Nothing is created, so these run without {@code --allow-create}.
 */
@ExtendWith({ContractParameters.class, ContractPreconditions.class})
@DisplayName("model registry")
@Order(7)
public class ModelRegistryContractChecks {

    /** GetModel's not-found code, which Terraform reads as gone (also for a version of a model that is gone). */
    static final String MODEL_NOT_FOUND = "201900002";
    /** GetModelVersion's not-found code for a version of a model that exists. */
    static final String VERSION_NOT_FOUND = "201900003";
    /** GetCodeSource's not-found code. */
    static final String CODE_SOURCE_NOT_FOUND = "201400002";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** An id of this form that no account has: 20 random characters after the prefix. */
    static String unknownId(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 20; i++) {
            id.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(RANDOM.nextInt(36)));
        }
        return id.toString();
    }

    @Test
    @DisplayName("GetModel of an unknown ModelId is 404 " + MODEL_NOT_FOUND + " in the error format")
    void anUnknownModelIsNotFound(PaiWorkspaceApi api) {
        assertRefused(new ModelRegistryCalls(api).getModel(unknownId("model-")), 404, MODEL_NOT_FOUND);
    }

    @Test
    @DisplayName("GetModelVersion and ListModelVersions of an unknown model are 404 " + MODEL_NOT_FOUND)
    void theVersionsOfAnUnknownModelAreNotFound(PaiWorkspaceApi api) {
        ModelRegistryCalls calls = new ModelRegistryCalls(api);
        String modelId = unknownId("model-");

        assertRefused(calls.getModelVersion(modelId, "0.1.0"), 404, MODEL_NOT_FOUND);
        assertRefused(calls.listModelVersions(modelId), 404, MODEL_NOT_FOUND);
    }

    @Test
    @DisplayName("GetCodeSource of an unknown CodeSourceId is 404 " + CODE_SOURCE_NOT_FOUND + " in the error format")
    void anUnknownCodeSourceIsNotFound(PaiWorkspaceApi api) {
        assertRefused(new ModelRegistryCalls(api).getCodeSource(unknownId("code-")), 404, CODE_SOURCE_NOT_FOUND);
    }

    @Test
    @DisplayName("ListModels answers the documented shape, counts every model in TotalCount and pages past the end"
            + " to an empty Models array")
    void listModelsAnswersItsShapeAndAnEmptyPagePastTheEnd(PaiWorkspaceApi api) {
        ModelRegistryCalls calls = new ModelRegistryCalls(api);

        ApiResponse first = calls.listModels("PageNumber", "1", "PageSize", "10");
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        ModelRegistrySchemas.LIST_MODELS.assertValid(first);
        long total = first.json().get("TotalCount").asLong();
        assertThat(first.json().get("Models").size())
                .as("%s: items on page 1 of 10", first)
                .isEqualTo((int) Math.min(10, total));
        long pastTheEnd = total / 10 + 2;
        ApiResponse past = calls.listModels("PageNumber", Long.toString(pastTheEnd), "PageSize", "10");

        assertThat(past.status()).as("%s", past).isEqualTo(200);
        ModelRegistrySchemas.LIST_MODELS.assertValid(past);
        assertThat(past.json().get("Models"))
                .as("%s: Models past the end", past)
                .isEmpty();
        assertThat(past.json().get("TotalCount").asLong())
                .as("%s: TotalCount past the end", past)
                .isEqualTo(total);
    }
}

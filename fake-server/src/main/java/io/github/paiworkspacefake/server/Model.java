package io.github.paiworkspacefake.server;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A model of the fake's model registry, as GetModel shows it; read it with {@link Models#model(String)}.
 *
 * @param modelId       the {@code ModelId}, such as {@code model-0k3z9wq1f8x2m}
 * @param workspaceId   the workspace it belongs to, or null for a provider's public model seeded without one
 * @param modelName     the {@code ModelName}
 * @param accessibility {@code PRIVATE} or {@code PUBLIC}
 * @param provider      the {@code Provider} of a provider's public model (only seeds set one), or null
 * @param labels        its {@code Labels}, key to value, in order
 * @param userId        the user who created it ({@code UserId})
 * @param gmtCreateTime when it was created, or null for a seeded one without a time
 */
public record Model(
        String modelId,
        String workspaceId,
        String modelName,
        String accessibility,
        String provider,
        Map<String, String> labels,
        String userId,
        Instant gmtCreateTime) {

    /** Copies the labels, keeping their order, so that a model read once does not change. */
    public Model {
        Objects.requireNonNull(modelId, "modelId");
        labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
    }
}

package io.github.paiworkspacefake.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An official image to seed: the service's own images, which ListImages lists without a WorkspaceId and which every
 * account reads. The fake has none until test code adds some ({@link Images#addOfficial(OfficialImage)},
 * {@link PaiWorkspaceFake.Builder#officialImages(java.util.Collection)}, a seed file's {@code resources}, the admin
 * API); {@link #examples()} is a small documented set to opt into.
 *
 * <pre>{@code
 * OfficialImage.builder("pytorch-training:2.1-gpu-py310-cu121-ubuntu22.04", "dsw-registry.cn-hangzhou.cr.aliyuncs.com/pai/pytorch-training:2.1-gpu-py310-cu121-ubuntu22.04")
 *         .label("system.supported.dlc", "true")
 *         .label("system.chipType", "GPU")
 *         .build();
 * }</pre>
 *
 * @param imageId       the {@code ImageId} it gets, or null for a new one
 * @param name          the {@code Name}
 * @param imageUri      the {@code ImageUri}
 * @param description   the {@code Description}, or null
 * @param labels        its labels in order; {@code system.official=true} is added when it lacks the key
 * @param size          the {@code Size}, or null
 * @param gmtCreateTime when it was added, or null for the fake's time now
 */
public record OfficialImage(
        String imageId,
        String name,
        String imageUri,
        String description,
        Map<String, String> labels,
        Long size,
        Instant gmtCreateTime) {

    /**
     * The class-path resource of the example set, in the seed-file format: nine official images (PyTorch, TensorFlow,
     * XGBoost, Hugging Face and vLLM, for training, development and inference, on CPU and GPU) with the
     * {@code system.*} labels the PAI Python SDK and the aliyun CLI look images up by. Usable as
     * {@code @WithFakePaiWorkspace(seed = OfficialImage.EXAMPLES)} or, copied, as the jar's {@code --seed} file.
     */
    public static final String EXAMPLES = "io/github/paiworkspacefake/server/example-official-images.json";

    /** Checks name and URI and copies the labels, keeping their order. */
    public OfficialImage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(imageUri, "imageUri");
        if (name.isEmpty() || imageUri.isEmpty()) {
            throw new IllegalArgumentException("an official image needs a non-empty name and imageUri");
        }
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** Starts an official image with its {@code Name} and {@code ImageUri}. */
    public static Builder builder(String name, String imageUri) {
        return new Builder(name, imageUri);
    }

    /** The example set of {@link #EXAMPLES}, read from the class path, oldest first. */
    public static List<OfficialImage> examples() {
        try (InputStream in = OfficialImage.class.getClassLoader().getResourceAsStream(EXAMPLES)) {
            if (in == null) {
                throw new IllegalStateException(EXAMPLES + " is missing from the class path");
            }
            List<OfficialImage> images = new ArrayList<>();
            for (JsonNode resource : new ObjectMapper().readTree(in).get("resources")) {
                JsonNode fields = resource.get("Fields");
                Builder image = builder(
                                fields.get("Name").asText(),
                                fields.get("ImageUri").asText())
                        .imageId(resource.get("Id").asText())
                        .description(fields.path("Description").asText(null))
                        .gmtCreateTime(Instant.parse(fields.get("GmtCreateTime").asText()));
                fields.get("Labels")
                        .forEach(label -> image.label(
                                label.get("Key").asText(), label.get("Value").asText()));
                images.add(image.build());
            }
            return List.copyOf(images);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds an {@link OfficialImage}; everything but name and URI is optional. */
    public static final class Builder {
        private final String name;
        private final String imageUri;
        private String imageId;
        private String description;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private Long size;
        private Instant gmtCreateTime;

        private Builder(String name, String imageUri) {
            this.name = name;
            this.imageUri = imageUri;
        }

        /** The {@code ImageId} it gets ({@code image-} and 18 letters or digits); a new one by default. */
        public Builder imageId(String value) {
            this.imageId = value;
            return this;
        }

        /** The {@code Description}. */
        public Builder description(String value) {
            this.description = value;
            return this;
        }

        /** Adds a label, or changes the value of one already given. */
        public Builder label(String key, String value) {
            labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** The {@code Size}. */
        public Builder size(long value) {
            this.size = value;
            return this;
        }

        /** When it was added; the fake's time when it is stored by default. */
        public Builder gmtCreateTime(Instant value) {
            this.gmtCreateTime = value;
            return this;
        }

        /** The official image. */
        public OfficialImage build() {
            return new OfficialImage(imageId, name, imageUri, description, labels, size, gmtCreateTime);
        }
    }
}

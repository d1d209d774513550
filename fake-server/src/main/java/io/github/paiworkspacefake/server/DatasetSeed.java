package io.github.paiworkspacefake.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A dataset test code asks the fake to store ({@link Datasets#add(DatasetSeed)}), with the versions to add after its
 * first one. Only the name and the Uri are required; the rest defaults as CreateDataset defaults it (DataType COMMON,
 * SourceType USER, Accessibility PRIVATE, Edition BASIC, ProviderType Ecs), with Property DIRECTORY and DataSourceType
 * OSS, in the default workspace of the fake's account unless a workspace is named.
 */
public final class DatasetSeed {

    private final Map<String, Object> members;
    private final List<Map<String, Object>> versions;

    private DatasetSeed(Builder builder) {
        this.members = Collections.unmodifiableMap(new LinkedHashMap<>(builder.members));
        this.versions = List.copyOf(builder.versions);
    }

    /** Starts a seed for a dataset with this name and Uri (the Uri of its first version, {@code v1}). */
    public static Builder builder(String name, String uri) {
        return new Builder(name, uri);
    }

    /** The dataset's CreateDataset members as the API spells them, such as {@code Name} and {@code Options}. */
    public Map<String, Object> members() {
        return members;
    }

    /** The versions to add after {@code v1}, in order, each as CreateDatasetVersion's members. */
    public List<Map<String, Object>> versions() {
        return versions;
    }

    /** Builds a {@link DatasetSeed}. */
    public static final class Builder {
        private final Map<String, Object> members = new LinkedHashMap<>();
        private final List<Map<String, Object>> versions = new ArrayList<>();
        private final List<Map<String, Object>> labels = new ArrayList<>();

        private Builder(String name, String uri) {
            members.put("Name", Objects.requireNonNull(name, "name"));
            members.put("Uri", Objects.requireNonNull(uri, "uri"));
            members.put("Property", "DIRECTORY");
            members.put("DataSourceType", "OSS");
        }

        /** The workspace to store it in; the default workspace of the fake's account when not named. */
        public Builder workspaceId(String value) {
            return member("WorkspaceId", value);
        }

        /** {@code FILE} or {@code DIRECTORY} (the default). */
        public Builder property(String value) {
            return member("Property", value);
        }

        /** {@code OSS} (the default), {@code NAS}, ... */
        public Builder dataSourceType(String value) {
            return member("DataSourceType", value);
        }

        /** {@code COMMON} (the default), {@code PIC}, {@code TEXT}, {@code VIDEO} or {@code AUDIO}. */
        public Builder dataType(String value) {
            return member("DataType", value);
        }

        /** {@code USER} (the default), {@code ITAG}, ... */
        public Builder sourceType(String value) {
            return member("SourceType", value);
        }

        /** The {@code SourceId}. */
        public Builder sourceId(String value) {
            return member("SourceId", value);
        }

        /** {@code PRIVATE} (the default), {@code PUBLIC} or {@code ROLE_PUBLIC}. */
        public Builder accessibility(String value) {
            return member("Accessibility", value);
        }

        /** {@code BASIC} (the default), {@code ADVANCED} or {@code LOGICAL} (the last two for OSS only). */
        public Builder edition(String value) {
            return member("Edition", value);
        }

        /** The {@code Description}. */
        public Builder description(String value) {
            return member("Description", value);
        }

        /** The {@code Options}, a JSON string kept exactly as given (also {@code v1}'s). */
        public Builder options(String value) {
            return member("Options", value);
        }

        /** Adds a label; labels keep the order they are added in, a key added again takes the new value. */
        public Builder label(String key, String value) {
            labels.add(Map.of("Key", Objects.requireNonNull(key, "key"), "Value", Objects.requireNonNull(value)));
            members.put("Labels", List.copyOf(labels));
            return this;
        }

        /** Adds a version after {@code v1} (then {@code v2}, {@code v3}, ...) with this Uri and its dataset's Property. */
        public Builder version(String uri) {
            return version(uri, null);
        }

        /** Adds a version after {@code v1} with this Uri and Options. */
        public Builder version(String uri, String options) {
            Map<String, Object> version = new LinkedHashMap<>();
            version.put("Uri", Objects.requireNonNull(uri, "uri"));
            if (options != null) {
                version.put("Options", options);
            }
            versions.add(version);
            return this;
        }

        /** The seed. */
        public DatasetSeed build() {
            return new DatasetSeed(this);
        }

        private Builder member(String name, String value) {
            members.put(name, Objects.requireNonNull(value, name));
            return this;
        }
    }
}

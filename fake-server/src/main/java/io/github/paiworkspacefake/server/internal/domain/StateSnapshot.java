package io.github.paiworkspacefake.server.internal.domain;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.Member;
import io.github.paiworkspacefake.server.User;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.WorkspaceRoles;
import io.github.paiworkspacefake.server.WorkspaceSeed;
import io.github.paiworkspacefake.server.WorkspaceStatus;
import io.github.paiworkspacefake.server.internal.catalogue.Catalogue;
import io.github.paiworkspacefake.server.internal.catalogue.ResourceSpec;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one JSON format for seed files, snapshots and a data directory's checkpoints:
 * {@code {"format":{...},"sequences":{...},"users":[{...}],"workspaces":[{...}],"resources":[{...}]}}, each workspace
 * with the API's own member names plus {@code Owner}, {@code IsDefault} and its {@code Members}, each user with
 * {@code AccountId} (the fake's account when absent), {@code UserId}, {@code UserName} and {@code DisplayName}.
 * {@code format} (its name and version) and {@code sequences} (where the id sequences stand) are written by snapshots
 * and may be left out of seeds. Reading checks each entry on its own; whether they may be stored together is
 * {@link WorkspaceBatch}'s check. Documents are read and written as streams, one entry at a time, so that a large one
 * is never held as text and as a tree at once.
 */
public final class StateSnapshot {

    /** The name a snapshot's {@code format} member gives. */
    public static final String FORMAT_NAME = "pai-workspace-fake-state";
    /** The version of the format this fake writes, and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    private static final Set<String> WORKSPACE_MEMBERS = Set.of(
            "WorkspaceId",
            "WorkspaceName",
            "DisplayName",
            "Description",
            "EnvTypes",
            "ResourceGroupId",
            "Status",
            "GmtCreateTime",
            "GmtModifiedTime",
            "Owner",
            "IsDefault",
            "Members");
    private static final Set<String> MEMBER_MEMBERS = Set.of("UserId", "Roles", "GmtCreateTime");
    private static final Set<String> USER_MEMBERS = Set.of("AccountId", "UserId", "UserName", "DisplayName");
    private static final Set<String> OWNER_MEMBERS = Set.of("AccountId", "UserName", "DisplayName", "TenantId");
    private static final Set<String> DOCUMENT_MEMBERS =
            Set.of("format", "sequences", "workspaces", "users", "resources");
    private static final Set<String> FORMAT_MEMBERS = Set.of("name", "version");
    private static final Set<String> SEQUENCE_MEMBERS = Set.of("nextWorkspaceId", "lastResourceSequence");
    private static final Set<String> RECORD_MEMBERS =
            Set.of("sequences", "workspaces", "users", "resources", "removed");
    private static final Set<String> REMOVED_MEMBERS = Set.of("workspaces", "users", "resources");
    private static final Set<String> RESOURCE_KEY_MEMBERS = Set.of("Type", "ParentId", "Id");

    /** A workspace to store, whether it is its owner's default, and its members besides the implied owner. */
    public record Entry(WorkspaceSeed workspace, boolean isDefault, List<MemberSeed> members) {
        Entry(WorkspaceSeed workspace, boolean isDefault) {
            this(workspace, isDefault, List.of());
        }
    }

    /** A member listed for a workspace: a user of its account, its roles, and when it joined (null: now). */
    public record MemberSeed(String userId, List<String> roles, Instant gmtCreateTime) {}

    /** A RAM user; a null account id means the fake's account. */
    public record UserSeed(String accountId, String userId, String userName, String displayName) {}

    /**
     * Where a fake's id sequences stand: the WorkspaceId its own sequence hands out next, and the last sequence number
     * of the resource engine (resource ids are made from them). 0 for either means "not given".
     */
    public record Sequences(long nextWorkspaceId, long lastResourceSequence) {
        /** No sequences given, as in a seed written by hand. */
        public static final Sequences NONE = new Sequences(0, 0);
    }

    /** A whole seed or snapshot: its workspaces, its users, the resource engine's resources and the id sequences. */
    public record Document(List<Entry> entries, List<UserSeed> users, List<Resource> resources, Sequences sequences) {
        /** A document that gives no sequences. */
        public Document(List<Entry> entries, List<UserSeed> users, List<Resource> resources) {
            this(entries, users, resources, Sequences.NONE);
        }
    }

    /** Everything stored, as a snapshot writes it. */
    public record Contents(
            List<User> users,
            List<Workspace> workspaces,
            Predicate<Workspace> isDefault,
            Function<Workspace, List<Member>> members,
            List<Resource> resources,
            Sequences sequences) {}

    private static final Set<String> RESOURCE_MEMBERS =
            Set.of("Type", "AccountId", "Id", "ParentId", "WorkspaceId", "Sequence", "Fields", "Counters");

    private StateSnapshot() {}

    /** Reads and checks each entry of a seed or snapshot; {@link IllegalArgumentException} names the first problem. */
    public static Document read(String json) {
        return read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * {@link #read(String)} from a stream of UTF-8 JSON, read one entry at a time: a large document is never held
     * whole as text or as a tree. A failure to read the stream is an {@link UncheckedIOException}.
     */
    public static Document read(InputStream in) {
        try (JsonParser parser = Json.mapper().getFactory().createParser(in)) {
            return read(parser);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof JacksonException invalid) {
                throw new IllegalArgumentException("not valid JSON: " + invalid.getOriginalMessage());
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("the document could not be read: " + e.getMessage(), e);
        }
    }

    private static Document read(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("expected an object with a \"workspaces\" array");
        }
        List<Entry> entries = null;
        List<UserSeed> users = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        Sequences sequences = Sequences.NONE;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "format" -> checkFormat(parser.readValueAsTree());
                case "sequences" -> sequences = sequences(parser.readValueAsTree(), "sequences");
                case "workspaces" -> {
                    if (value != JsonToken.START_ARRAY) {
                        throw new IllegalArgumentException("expected an object with a \"workspaces\" array");
                    }
                    entries = new ArrayList<>();
                    int index = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        entries.add(entry(parser.readValueAsTree(), "workspaces[" + index++ + "]"));
                    }
                }
                case "users" -> {
                    int index = 0;
                    for (JsonNode node : array(parser, value, "users")) {
                        users.add(user(node, "users[" + index++ + "]"));
                    }
                }
                case "resources" -> {
                    int index = 0;
                    for (JsonNode node : array(parser, value, "resources")) {
                        resources.add(resource(node, "resources[" + index++ + "]"));
                    }
                }
                default ->
                    throw new IllegalArgumentException(
                            "the document: unknown member \"" + name + "\"; known are " + DOCUMENT_MEMBERS);
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new IllegalArgumentException("not valid JSON: the document's object is not closed");
        }
        if (parser.nextToken() != null) {
            throw new IllegalArgumentException("not valid JSON: content after the document's end");
        }
        if (entries == null) {
            throw new IllegalArgumentException("expected an object with a \"workspaces\" array");
        }
        return new Document(List.copyOf(entries), List.copyOf(users), List.copyOf(resources), sequences);
    }

    /** The items of an optional array member, read one at a time as the caller iterates; null reads as none. */
    private static Iterable<JsonNode> array(JsonParser parser, JsonToken value, String name) {
        if (value == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (value != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException(name + ": expected an array");
        }
        return () -> new Iterator<>() {
            private JsonToken next = advance();

            private JsonToken advance() {
                try {
                    return parser.nextToken();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != JsonToken.END_ARRAY && next != null;
            }

            @Override
            public JsonNode next() {
                try {
                    JsonNode node = parser.readValueAsTree();
                    next = advance();
                    return node;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** Checks a document's {@code format}: this format, in a version this fake reads. */
    private static void checkFormat(JsonNode format) {
        if (format == null || !format.isObject()) {
            throw new IllegalArgumentException("format: expected an object with \"name\" and \"version\"");
        }
        rejectUnknown(format, FORMAT_MEMBERS, "format");
        JsonNode name = format.get("name");
        if (name == null || !FORMAT_NAME.equals(name.textValue())) {
            throw new IllegalArgumentException("format.name: expected \"" + FORMAT_NAME + "\", got " + name
                    + ": this is not a pai-workspace-fake snapshot");
        }
        JsonNode version = format.get("version");
        if (version == null || !version.isIntegralNumber() || version.longValue() < 1) {
            throw new IllegalArgumentException("format.version: expected a positive whole number, got " + version);
        }
        if (version.longValue() > FORMAT_VERSION) {
            throw new IllegalArgumentException("format.version: the document was written by a newer pai-workspace-fake "
                    + "(format version " + version + "; this one reads up to version " + FORMAT_VERSION + ")");
        }
    }

    private static Sequences sequences(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return Sequences.NONE;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": expected an object");
        }
        rejectUnknown(node, SEQUENCE_MEMBERS, where);
        return new Sequences(
                wholeNumber(node, "nextWorkspaceId", where), wholeNumber(node, "lastResourceSequence", where));
    }

    private static long wholeNumber(JsonNode node, String member, String where) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new IllegalArgumentException(where + "." + member + ": expected a non-negative whole number");
        }
        return value.longValue();
    }

    /**
     * A stored resource: {@code Type}, {@code Id} and {@code Fields} required, {@code AccountId} the fake's account
     * when absent (given as null here), the type's time members read as times.
     */
    private static Resource resource(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": expected an object");
        }
        rejectUnknown(node, RESOURCE_MEMBERS, where);
        String type = text(node, "Type", where, true);
        ResourceSpec spec = Catalogue.get()
                .resource(type)
                .orElseThrow(() -> new IllegalArgumentException(where + ".Type: unknown type " + type + "; known are "
                        + Catalogue.get().resources().keySet()));
        JsonNode fieldsNode = node.get("Fields");
        if (fieldsNode == null || !fieldsNode.isObject()) {
            throw new IllegalArgumentException(where + ".Fields: expected an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) JsonTrees.plain(fieldsNode);
        for (String timeField : new String[] {spec.createdField(), spec.modifiedField()}) {
            if (timeField != null && fields.get(timeField) != null) {
                fields.put(timeField, time(fieldsNode, timeField, where + ".Fields"));
            }
        }
        Map<String, Long> counters = new LinkedHashMap<>();
        JsonNode counterNodes = node.get("Counters");
        if (counterNodes != null && !counterNodes.isNull()) {
            if (!counterNodes.isObject()) {
                throw new IllegalArgumentException(where + ".Counters: expected an object of whole numbers");
            }
            counterNodes.fields().forEachRemaining(counter -> {
                if (!counter.getValue().canConvertToLong()
                        || !counter.getValue().isIntegralNumber()) {
                    throw new IllegalArgumentException(
                            where + ".Counters." + counter.getKey() + ": expected a whole number");
                }
                counters.put(counter.getKey(), counter.getValue().longValue());
            });
        }
        JsonNode sequence = node.get("Sequence");
        if (sequence != null && !sequence.isNull() && !(sequence.isIntegralNumber() && sequence.longValue() > 0)) {
            throw new IllegalArgumentException(where + ".Sequence: expected a positive whole number");
        }
        return new Resource(
                type,
                text(node, "AccountId", where, false),
                text(node, "Id", where, true),
                text(node, "ParentId", where, false),
                text(node, "WorkspaceId", where, false),
                sequence == null || sequence.isNull() ? 0 : sequence.longValue(),
                fields,
                counters);
    }

    /**
     * Writes users, workspaces (oldest first, with their members), resources and the sequences in the format
     * {@link #read(String)} reads, as indented text.
     */
    public static String write(Contents contents) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = Json.mapper().getFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            write(json, contents);
        } catch (IOException e) {
            throw new UncheckedIOException("a snapshot could not be written", e);
        }
        return out.toString();
    }

    /** {@link #write(Contents)} to a stream of UTF-8, entry by entry, leaving the stream open. */
    public static void write(OutputStream out, Contents contents) throws IOException {
        try (JsonGenerator json = Json.mapper().getFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            write(json, contents);
        }
    }

    /** Writes a whole snapshot (one JSON object) to {@code json}, entry by entry. */
    public static void write(JsonGenerator json, Contents contents) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("format");
        json.writeStringField("name", FORMAT_NAME);
        json.writeNumberField("version", FORMAT_VERSION);
        json.writeEndObject();
        writeSequences(json, contents.sequences());
        json.writeArrayFieldStart("users");
        for (User user : contents.users()) {
            writeUser(json, user);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("workspaces");
        for (Workspace workspace : contents.workspaces()) {
            writeWorkspace(
                    json,
                    workspace,
                    contents.isDefault().test(workspace),
                    contents.members().apply(workspace));
        }
        json.writeEndArray();
        json.writeArrayFieldStart("resources");
        for (Resource resource : contents.resources()) {
            writeResource(json, resource);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeSequences(JsonGenerator json, Sequences sequences) throws IOException {
        json.writeObjectFieldStart("sequences");
        json.writeNumberField("nextWorkspaceId", sequences.nextWorkspaceId());
        json.writeNumberField("lastResourceSequence", sequences.lastResourceSequence());
        json.writeEndObject();
    }

    private static void writeUser(JsonGenerator json, User user) throws IOException {
        json.writeStartObject();
        json.writeStringField("AccountId", user.accountId());
        json.writeStringField("UserId", user.userId());
        json.writeStringField("UserName", user.userName());
        json.writeStringField("DisplayName", user.displayName());
        json.writeEndObject();
    }

    private static void writeWorkspace(JsonGenerator json, Workspace workspace, boolean isDefault, List<Member> members)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("WorkspaceId", workspace.workspaceId());
        json.writeStringField("WorkspaceName", workspace.workspaceName());
        json.writeStringField("DisplayName", workspace.displayName());
        json.writeStringField("Description", workspace.description());
        json.writeArrayFieldStart("EnvTypes");
        for (String envType : workspace.envTypes()) {
            json.writeString(envType);
        }
        json.writeEndArray();
        json.writeStringField("ResourceGroupId", workspace.resourceGroupId());
        json.writeStringField("Status", workspace.status().name());
        json.writeStringField("GmtCreateTime", Json.timestamp(workspace.gmtCreateTime()));
        json.writeStringField("GmtModifiedTime", Json.timestamp(workspace.gmtModifiedTime()));
        Account owner = workspace.owner();
        json.writeObjectFieldStart("Owner");
        json.writeStringField("AccountId", owner.accountId());
        json.writeStringField("UserName", owner.userName());
        json.writeStringField("DisplayName", owner.displayName());
        json.writeStringField("TenantId", owner.tenantId());
        json.writeEndObject();
        json.writeBooleanField("IsDefault", isDefault);
        json.writeArrayFieldStart("Members");
        for (Member member : members) {
            json.writeStartObject();
            json.writeStringField("UserId", member.user().userId());
            json.writeArrayFieldStart("Roles");
            for (String role : member.roles()) {
                json.writeString(role);
            }
            json.writeEndArray();
            json.writeStringField("GmtCreateTime", Json.timestamp(member.gmtCreateTime()));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeResource(JsonGenerator json, Resource resource) throws IOException {
        json.writeStartObject();
        json.writeStringField("Type", resource.type());
        json.writeStringField("AccountId", resource.accountId());
        json.writeStringField("Id", resource.id());
        json.writeStringField("ParentId", resource.parentId());
        json.writeStringField("WorkspaceId", resource.workspaceId());
        json.writeNumberField("Sequence", resource.sequence());
        json.writeFieldName("Fields");
        writePlain(json, resource.fields());
        json.writeObjectFieldStart("Counters");
        for (Map.Entry<String, Long> counter : resource.counters().entrySet()) {
            json.writeNumberField(counter.getKey(), counter.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /** Plain Java values (maps, lists, strings, numbers, booleans, times) as JSON; times in the API's format. */
    private static void writePlain(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Instant instant) {
            json.writeString(Json.timestamp(instant));
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            json.writeNumber(big);
        } else if (value instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else if (value instanceof Double number) {
            json.writeNumber(number);
        } else if (value instanceof Float number) {
            json.writeNumber(number);
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> member : map.entrySet()) {
                json.writeFieldName(String.valueOf(member.getKey()));
                writePlain(json, member.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                writePlain(json, item);
            }
            json.writeEndArray();
        } else {
            json.writeTree(JsonTrees.tree(value));
        }
    }

    /** The current value of a workspace a record names: the workspace, whether it is the default, its members. */
    public record StoredWorkspace(Workspace workspace, boolean isDefault, List<Member> members) {}

    /**
     * Writes a change record: the sequences, then the current value of each entity that changed, or its removal (an
     * empty value). {@link Image#apply(JsonNode)} reads it.
     */
    public static void writeRecord(
            JsonGenerator json,
            Sequences sequences,
            Map<String, StoredWorkspace> workspaces,
            Map<ChangeSink.UserKey, User> users,
            Map<ChangeSink.ResourceKey, Resource> resources)
            throws IOException {
        json.writeStartObject();
        writeSequences(json, sequences);
        json.writeArrayFieldStart("workspaces");
        for (StoredWorkspace stored : workspaces.values()) {
            if (stored != null) {
                writeWorkspace(json, stored.workspace(), stored.isDefault(), stored.members());
            }
        }
        json.writeEndArray();
        json.writeArrayFieldStart("users");
        for (User user : users.values()) {
            if (user != null) {
                writeUser(json, user);
            }
        }
        json.writeEndArray();
        json.writeArrayFieldStart("resources");
        for (Resource resource : resources.values()) {
            if (resource != null) {
                writeResource(json, resource);
            }
        }
        json.writeEndArray();
        json.writeObjectFieldStart("removed");
        json.writeArrayFieldStart("workspaces");
        for (Map.Entry<String, StoredWorkspace> workspace : workspaces.entrySet()) {
            if (workspace.getValue() == null) {
                json.writeString(workspace.getKey());
            }
        }
        json.writeEndArray();
        json.writeArrayFieldStart("users");
        for (Map.Entry<ChangeSink.UserKey, User> user : users.entrySet()) {
            if (user.getValue() == null) {
                json.writeStartObject();
                json.writeStringField("AccountId", user.getKey().accountId());
                json.writeStringField("UserId", user.getKey().userId());
                json.writeEndObject();
            }
        }
        json.writeEndArray();
        json.writeArrayFieldStart("resources");
        for (Map.Entry<ChangeSink.ResourceKey, Resource> resource : resources.entrySet()) {
            if (resource.getValue() == null) {
                json.writeStartObject();
                json.writeStringField("Type", resource.getKey().type());
                json.writeStringField("ParentId", resource.getKey().parentId());
                json.writeStringField("Id", resource.getKey().id());
                json.writeEndObject();
            }
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    /**
     * A whole state being rebuilt from a checkpoint and the change records written after it: each record's entities
     * take the place of those with their keys, its removals remove, its sequences move the sequences on. The result
     * is a {@link Document} to restore.
     */
    public static final class Image {
        private final Map<String, Entry> workspaces = new LinkedHashMap<>();
        private final Map<ChangeSink.UserKey, UserSeed> users = new LinkedHashMap<>();
        private final Map<ChangeSink.ResourceKey, Resource> resources = new LinkedHashMap<>();
        private long nextWorkspaceId;
        private long lastResourceSequence;

        /** The image of a checkpoint; each of its workspaces must give its WorkspaceId. */
        public Image(Document checkpoint) {
            for (int i = 0; i < checkpoint.entries().size(); i++) {
                Entry entry = checkpoint.entries().get(i);
                if (entry.workspace().workspaceId() == null) {
                    throw new IllegalArgumentException("workspaces[" + i + "]: WorkspaceId: required in a checkpoint");
                }
                workspaces.put(entry.workspace().workspaceId(), entry);
            }
            checkpoint
                    .users()
                    .forEach(user -> users.put(new ChangeSink.UserKey(user.accountId(), user.userId()), user));
            checkpoint.resources().forEach(resource -> resources.put(key(resource), resource));
            advance(checkpoint.sequences());
        }

        private static ChangeSink.ResourceKey key(Resource resource) {
            return new ChangeSink.ResourceKey(resource.type(), resource.parentId(), resource.id());
        }

        private void advance(Sequences sequences) {
            nextWorkspaceId = Math.max(nextWorkspaceId, sequences.nextWorkspaceId());
            lastResourceSequence = Math.max(lastResourceSequence, sequences.lastResourceSequence());
        }

        /** Applies one change record; {@link IllegalArgumentException} names what in it is not a valid record. */
        public void apply(JsonNode record) {
            if (record == null || !record.isObject()) {
                throw new IllegalArgumentException("expected an object");
            }
            rejectUnknown(record, RECORD_MEMBERS, "the record");
            advance(sequences(record.get("sequences"), "sequences"));
            int index = 0;
            for (JsonNode node : items(record, "workspaces")) {
                Entry entry = entry(node, "workspaces[" + index++ + "]");
                String workspaceId = entry.workspace().workspaceId();
                if (workspaceId == null) {
                    throw new IllegalArgumentException("workspaces[" + (index - 1) + "].WorkspaceId: required");
                }
                if (entry.isDefault()) {
                    String owner = entry.workspace().owner() == null
                            ? null
                            : entry.workspace().owner().accountId();
                    workspaces.replaceAll((id, other) -> other.isDefault()
                                    && other.workspace().owner() != null
                                    && other.workspace().owner().accountId().equals(owner)
                            ? new Entry(other.workspace(), false, other.members())
                            : other);
                }
                workspaces.put(workspaceId, entry);
            }
            index = 0;
            for (JsonNode node : items(record, "users")) {
                UserSeed user = user(node, "users[" + index++ + "]");
                users.put(new ChangeSink.UserKey(user.accountId(), user.userId()), user);
            }
            index = 0;
            for (JsonNode node : items(record, "resources")) {
                Resource resource = resource(node, "resources[" + index++ + "]");
                resources.put(key(resource), resource);
            }
            JsonNode removed = record.get("removed");
            if (removed == null || removed.isNull()) {
                return;
            }
            if (!removed.isObject()) {
                throw new IllegalArgumentException("removed: expected an object");
            }
            rejectUnknown(removed, REMOVED_MEMBERS, "removed");
            index = 0;
            for (JsonNode node : items(removed, "workspaces")) {
                if (!node.isTextual()) {
                    throw new IllegalArgumentException("removed.workspaces[" + index + "]: expected a WorkspaceId");
                }
                workspaces.remove(node.textValue());
                index++;
            }
            index = 0;
            for (JsonNode node : items(removed, "users")) {
                String where = "removed.users[" + index++ + "]";
                if (!node.isObject()) {
                    throw new IllegalArgumentException(where + ": expected an object");
                }
                rejectUnknown(node, Set.of("AccountId", "UserId"), where);
                users.remove(new ChangeSink.UserKey(
                        text(node, "AccountId", where, true), text(node, "UserId", where, true)));
            }
            index = 0;
            for (JsonNode node : items(removed, "resources")) {
                String where = "removed.resources[" + index++ + "]";
                if (!node.isObject()) {
                    throw new IllegalArgumentException(where + ": expected an object");
                }
                rejectUnknown(node, RESOURCE_KEY_MEMBERS, where);
                resources.remove(new ChangeSink.ResourceKey(
                        text(node, "Type", where, true),
                        text(node, "ParentId", where, false),
                        text(node, "Id", where, true)));
            }
        }

        private static Iterable<JsonNode> items(JsonNode node, String member) {
            JsonNode list = node.get(member);
            if (list == null || list.isNull()) {
                return List.of();
            }
            if (!list.isArray()) {
                throw new IllegalArgumentException(member + ": expected an array");
            }
            return list;
        }

        /** The state rebuilt so far, resources in creation order. */
        public Document document() {
            List<Resource> ordered = new ArrayList<>(resources.values());
            ordered.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
            return new Document(
                    List.copyOf(workspaces.values()),
                    List.copyOf(users.values()),
                    List.copyOf(ordered),
                    new Sequences(nextWorkspaceId, lastResourceSequence));
        }
    }

    private static Entry entry(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": expected an object");
        }
        rejectUnknown(node, WORKSPACE_MEMBERS, where);
        String name = text(node, "WorkspaceName", where, true);
        WorkspaceSeed.Builder builder = WorkspaceSeed.builder(name)
                .workspaceId(text(node, "WorkspaceId", where, false))
                .displayName(text(node, "DisplayName", where, false))
                .resourceGroupId(text(node, "ResourceGroupId", where, false));
        String description = text(node, "Description", where, false);
        if (description != null) {
            builder.description(description);
        }
        JsonNode envTypes = node.get("EnvTypes");
        if (envTypes != null) {
            if (!envTypes.isArray()) {
                throw new IllegalArgumentException(where + ".EnvTypes: expected an array of strings");
            }
            List<String> values = new ArrayList<>();
            envTypes.forEach(value -> {
                if (!value.isTextual()) {
                    throw new IllegalArgumentException(where + ".EnvTypes: expected an array of strings");
                }
                values.add(value.textValue());
            });
            builder.envTypes(values.toArray(String[]::new));
        }
        String status = text(node, "Status", where, false);
        if (status != null) {
            try {
                builder.status(WorkspaceStatus.valueOf(status));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ".Status: \"" + status + "\" is not one of "
                        + Arrays.toString(WorkspaceStatus.values()));
            }
        }
        builder.gmtCreateTime(time(node, "GmtCreateTime", where)).gmtModifiedTime(time(node, "GmtModifiedTime", where));
        JsonNode owner = node.get("Owner");
        if (owner != null && !owner.isNull()) {
            if (!owner.isObject()) {
                throw new IllegalArgumentException(where + ".Owner: expected an object");
            }
            rejectUnknown(owner, OWNER_MEMBERS, where + ".Owner");
            String accountId = text(owner, "AccountId", where + ".Owner", true);
            String userName = orElse(text(owner, "UserName", where + ".Owner", false), accountId);
            builder.owner(new Account(
                    accountId,
                    userName,
                    orElse(text(owner, "DisplayName", where + ".Owner", false), userName),
                    orElse(text(owner, "TenantId", where + ".Owner", false), accountId)));
        }
        JsonNode isDefault = node.get("IsDefault");
        if (isDefault != null && !isDefault.isBoolean()) {
            throw new IllegalArgumentException(where + ".IsDefault: expected true or false");
        }
        return new Entry(
                builder.build(), isDefault != null && isDefault.booleanValue(), members(node.get("Members"), where));
    }

    private static List<MemberSeed> members(JsonNode list, String where) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException(where + ".Members: expected an array");
        }
        List<MemberSeed> members = new ArrayList<>();
        int index = 0;
        for (JsonNode node : list) {
            String at = where + ".Members[" + index++ + "]";
            if (!node.isObject()) {
                throw new IllegalArgumentException(at + ": expected an object");
            }
            rejectUnknown(node, MEMBER_MEMBERS, at);
            String userId = text(node, "UserId", at, true);
            JsonNode roles = node.get("Roles");
            if (roles == null || !roles.isArray() || roles.isEmpty()) {
                throw new IllegalArgumentException(at + ".Roles: expected a non-empty array of roles");
            }
            List<String> values = new ArrayList<>();
            for (JsonNode role : roles) {
                if (!role.isTextual()
                        || !(WorkspaceRoles.ALL.contains(role.textValue())
                                || WorkspaceRules.isCustomRole(role.textValue()))) {
                    throw new IllegalArgumentException(at + ".Roles: " + role + " is not one of " + WorkspaceRoles.ALL
                            + " nor the id (role-...) of a custom role of the workspace");
                }
                values.add(role.textValue());
            }
            members.add(
                    new MemberSeed(userId, List.copyOf(new LinkedHashSet<>(values)), time(node, "GmtCreateTime", at)));
        }
        return List.copyOf(members);
    }

    private static UserSeed user(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": expected an object");
        }
        rejectUnknown(node, USER_MEMBERS, where);
        String userId = text(node, "UserId", where, true);
        String userName = text(node, "UserName", where, true);
        return new UserSeed(
                text(node, "AccountId", where, false),
                userId,
                userName,
                orElse(text(node, "DisplayName", where, false), userName));
    }

    private static void rejectUnknown(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new IllegalArgumentException(where + ": unknown member \"" + name + "\"; known are " + known);
            }
        }
    }

    private static String text(JsonNode node, String member, String where, boolean required) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException(where + "." + member + ": required");
            }
            return null;
        }
        if (!value.isTextual() || (required && value.textValue().isEmpty())) {
            throw new IllegalArgumentException(where + "." + member + ": expected a non-empty string");
        }
        return value.textValue();
    }

    private static Instant time(JsonNode node, String member, String where) {
        String text = text(node, member, where, false);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + "." + member + ": \"" + text
                    + "\" is not an ISO 8601 UTC time such as 2021-01-21T17:12:35.232Z");
        }
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}

package io.github.paiworkspacefake.server.internal.domain.datasets;

import static io.github.paiworkspacefake.server.internal.domain.datasets.DatasetTypes.FILE_META;
import static io.github.paiworkspacefake.server.internal.domain.datasets.DatasetTypes.JOB;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.FakeState;
import io.github.paiworkspacefake.server.internal.domain.Json;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.domain.resources.Resources;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The file metadata of a dataset version, which only an ADVANCED or LOGICAL dataset has: batch creation (one record
 * per Uri and version, its id a SHA-256 of them), reads, listing with the reference's filters, batch updates (tags by
 * the reference's add/remove groups), logical deletion (Status DELETED, as the reference's Status filter describes) and
 * statistics computed from what is stored.
 */
public final class DatasetFileMetaService {

    /** The status of a record that is not deleted. */
    public static final String ACTIVE = "ACTIVE";

    /** The status of a logically deleted record. */
    public static final String DELETED = "DELETED";

    /** The tag groups of a record's Tags. */
    static final String AI = "ai";

    static final String USER = "user";
    static final String USER_DELETE_AI = "user-delete-ai-tags";

    /** The aggregations GetDatasetFileMetasStatistics takes, in any case. */
    public static final List<String> AGGREGATIONS =
            List.of("filedir", "filetype", "tags.user", "tags.user-delete-ai-tags", "tags.ai", "tags.all");

    /** The time members of a record a client gives, checked as ISO 8601 times and kept as given. */
    private static final List<String> TIME_MEMBERS =
            List.of("FileCreateTime", "FileUpdateTime", "SemanticIndexUpdateTime");

    /** The members of a record a client sets as they are. */
    private static final List<String> PLAIN_MEMBERS = List.of(
            "Comment",
            "ContentType",
            "DataSize",
            "FileCreateTime",
            "FileFingerPrint",
            "FileName",
            "FileType",
            "FileUpdateTime",
            "MetaAttributes",
            "SemanticIndexJobId",
            "SemanticIndexUpdateTime");

    /** What a batch operation did with one record. */
    public record Detail(String datasetFileMetaId, String uri, String result) {}

    /** What a batch operation did: the records it handled and those it could not, each with the reason. */
    public record Outcome(List<Detail> succeeded, List<Detail> failed) {

        /** True when every record was handled. */
        public boolean status() {
            return failed.isEmpty();
        }
    }

    /** An aggregation's counts, largest first, and how many keys there are in all. */
    public record Statistics(int totalCount, List<Map.Entry<String, Integer>> counts) {}

    /** The filters of ListDatasetFileMetas that the behaviour applies itself. */
    public record Query(
            Optional<String> status,
            Optional<List<String>> ids,
            Optional<List<String>> fileTypes,
            Optional<List<String>> contentTypes,
            boolean tagsApply,
            Optional<List<String>> tagsAny,
            Optional<List<String>> tagsAll,
            Optional<List<String>> tagsExcluded,
            Optional<String> startFileUpdateTime,
            Optional<String> endFileUpdateTime,
            Optional<String> startTagUpdateTime,
            Optional<String> endTagUpdateTime) {}

    private final DatasetService datasets;
    private final Resources resources;
    private final Clock clock;

    public DatasetFileMetaService(FakeState state) {
        this.datasets = new DatasetService(state);
        this.resources = state.resources();
        this.clock = state.clock();
    }

    /**
     * The dataset whose file metadata a call reaches: the caller's (or, to read, a public one), in the workspace named
     * if one is, and of an edition with file metadata. BASIC is refused with {@code 400 OperationDenied.DatasetEdition}.
     */
    public Resource dataset(Account caller, String datasetId, Optional<String> workspaceId, boolean change) {
        Resource dataset = DatasetService.requireWorkspace(
                change ? datasets.own(caller, datasetId) : datasets.readable(caller, datasetId), workspaceId);
        String edition = DatasetService.edition(dataset);
        if (edition.equals("BASIC")) {
            throw new ApiException(
                    400,
                    "OperationDenied.DatasetEdition",
                    "Dataset " + datasetId + " is of edition BASIC, which does not support file metadata management;"
                            + " an ADVANCED or LOGICAL dataset does (UpdateDataset can upgrade an OSS dataset to"
                            + " ADVANCED).");
        }
        return dataset;
    }

    /** CreateDatasetFileMetas: one record per item; an item whose Uri the version already holds is not created. */
    public Outcome create(
            Account caller, String datasetId, String workspaceId, String versionName, List<Map<String, Object>> items) {
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> item = items.get(i);
            if (DatasetService.text(item, "Uri").isEmpty()) {
                throw ApiException.missing("DatasetFileMetas[" + i + "].Uri");
            }
            check(item, i);
            if (item.get("Tags") != null) {
                Map<String, List<String>> tags = tags("DatasetFileMetas[" + i + "].Tags", (String) item.get("Tags"));
                if (!tags.keySet().stream().allMatch(USER::equals)) {
                    throw ApiException.invalid(
                            "DatasetFileMetas[" + i + "].Tags",
                            "only the user tag group can be given when metadata is created, got " + tags.keySet()
                                    + ".");
                }
            }
        }
        return datasets.atomically(() -> {
            Resource dataset = dataset(caller, datasetId, Optional.of(workspaceId), true);
            datasets.version(dataset, versionName);
            List<Detail> succeeded = new ArrayList<>();
            List<Detail> failed = new ArrayList<>();
            for (Map<String, Object> item : items) {
                String uri = (String) item.get("Uri");
                String id = id(datasetId, versionName, uri);
                Optional<Resource> stored = resources.find(FILE_META, dataset.accountId(), datasetId, id);
                if (stored.isPresent() && ACTIVE.equals(stored.get().field("Status"))) {
                    failed.add(new Detail(id, uri, "Already Exists"));
                    continue;
                }
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("DatasetFileMetaId", id);
                fields.put("DatasetVersion", versionName);
                fields.put("Uri", uri);
                for (String member : PLAIN_MEMBERS) {
                    if (item.get(member) != null) {
                        fields.put(member, item.get(member));
                    }
                }
                fields.putIfAbsent("FileName", fileName(uri));
                fields.put("FileDir", fileDir(uri));
                if (fields.get("FileType") == null && item.get("ContentType") instanceof String contentType) {
                    fields.put("FileType", contentType.split("/", 2)[0]);
                }
                if (item.get("Tags") != null) {
                    fields.put("Tags", item.get("Tags"));
                    fields.put("TagUpdateTime", now());
                }
                fields.put("Status", ACTIVE);
                if (stored.isPresent()) {
                    resources.remove(FILE_META, dataset.accountId(), datasetId, id);
                }
                resources.create(
                        FILE_META,
                        new Resources.Creation(dataset.accountId(), datasetId, null, fields, null).withId(id));
                succeeded.add(new Detail(id, uri, null));
            }
            return new Outcome(succeeded, failed);
        });
    }

    /** GetDatasetFileMeta: a record of the dataset, in the version named if one is; a deleted one says DELETED. */
    public Resource get(
            Account caller,
            String datasetId,
            String datasetFileMetaId,
            Optional<String> versionName,
            Optional<String> workspaceId) {
        Resource dataset = dataset(caller, datasetId, workspaceId, false);
        versionName.filter(name -> !name.isEmpty()).ifPresent(name -> datasets.version(dataset, name));
        return resources
                .find(FILE_META, dataset.accountId(), datasetId, datasetFileMetaId)
                .filter(meta -> versionName.isEmpty()
                        || versionName.get().isEmpty()
                        || versionName.get().equals(meta.field("DatasetVersion")))
                .orElseThrow(() -> ApiException.of(FILE_META.notFound()));
    }

    /** The records of a dataset version that pass the query's own filters, in creation order. */
    public List<Resource> list(Account caller, String datasetId, String workspaceId, String versionName, Query query) {
        Resource dataset = dataset(caller, datasetId, Optional.of(workspaceId), false);
        datasets.version(dataset, versionName);
        Predicate<Resource> filter = meta -> versionName.equals(meta.field("DatasetVersion"));
        String status = query.status().orElse(ACTIVE);
        if (!status.equals("ALL")) {
            filter = filter.and(meta -> status.equals(meta.text("Status").orElse(ACTIVE)));
        }
        if (query.ids().isPresent()) {
            Set<String> ids = Set.copyOf(query.ids().get());
            filter = filter.and(meta -> ids.contains(meta.id()));
        }
        if (query.fileTypes().isPresent()) {
            List<String> types = query.fileTypes().get();
            filter = filter.and(
                    meta -> meta.text("FileType").map(types::contains).orElse(false));
        }
        if (query.contentTypes().isPresent()) {
            List<String> types = query.contentTypes().get();
            filter = filter.and(
                    meta -> meta.text("ContentType").map(types::contains).orElse(false));
        }
        if (query.tagsApply()) {
            if (query.tagsAny().isPresent()) {
                List<String> wanted = query.tagsAny().get();
                filter = filter.and(meta -> wanted.stream().anyMatch(effectiveTags(meta)::contains));
            }
            if (query.tagsAll().isPresent()) {
                List<String> wanted = query.tagsAll().get();
                filter = filter.and(meta -> effectiveTags(meta).containsAll(wanted));
            }
            if (query.tagsExcluded().isPresent()) {
                List<String> unwanted = query.tagsExcluded().get();
                filter = filter.and(meta -> unwanted.stream().noneMatch(effectiveTags(meta)::contains));
            }
        }
        filter = filter.and(within(
                "FileUpdateTime", "StartFileUpdateTime", query.startFileUpdateTime(), query.endFileUpdateTime()));
        filter = filter.and(
                within("TagUpdateTime", "StartTagUpdateTime", query.startTagUpdateTime(), query.endTagUpdateTime()));
        return resources.list(FILE_META, dataset.accountId(), datasetId, filter);
    }

    /**
     * UpdateDatasetFileMetas: each item's members as given; Tags as the reference's groups: {@code user} and
     * {@code user-delete-ai-tags} by {@code {"add": [...], "remove": [...]}}, {@code ai} replaced, and only with the
     * TagJobId of a job of the dataset. An id the dataset (or the version named) does not hold, or holds deleted, is
     * not updated.
     */
    public Outcome update(
            Account caller,
            String datasetId,
            Optional<String> workspaceId,
            Optional<String> versionName,
            Optional<String> tagJobId,
            List<Map<String, Object>> items) {
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> item = items.get(i);
            if (DatasetService.text(item, "DatasetFileMetaId").isEmpty()) {
                throw ApiException.missing("DatasetFileMetas[" + i + "].DatasetFileMetaId");
            }
            check(item, i);
            if (item.get("Tags") != null) {
                tagChanges("DatasetFileMetas[" + i + "].Tags", (String) item.get("Tags"), tagJobId.isPresent());
            }
        }
        return datasets.atomically(() -> {
            Resource dataset = dataset(caller, datasetId, workspaceId, true);
            versionName.ifPresent(name -> datasets.version(dataset, name));
            if (tagJobId.isPresent()
                    && resources
                            .find(JOB, dataset.accountId(), datasetId, tagJobId.get())
                            .isEmpty()) {
                throw new ApiException(
                        JOB.notFound().status(),
                        JOB.notFound().code(),
                        "TagJobId " + tagJobId.get() + " is not a job of dataset " + datasetId);
            }
            List<Detail> failed = new ArrayList<>();
            List<Detail> succeeded = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Map<String, Object> item = items.get(i);
                String id = (String) item.get("DatasetFileMetaId");
                Optional<Resource> stored = active(dataset, id, versionName);
                if (stored.isEmpty()) {
                    failed.add(new Detail(id, null, "Not Found"));
                    continue;
                }
                String where = "DatasetFileMetas[" + i + "].Tags";
                resources.update(FILE_META, dataset.accountId(), datasetId, id, fields -> {
                    for (String member : PLAIN_MEMBERS) {
                        if (item.containsKey(member)) {
                            fields.put(member, item.get(member));
                        }
                    }
                    if (item.get("Tags") != null) {
                        Map<String, List<String>> tags = tags(where, (String) fields.get("Tags"));
                        apply(tags, tagChanges(where, (String) item.get("Tags"), true));
                        fields.put("Tags", write(tags));
                        fields.put("TagUpdateTime", now());
                    }
                    return fields;
                });
                succeeded.add(new Detail(id, stored.get().text("Uri").orElse(null), null));
            }
            return new Outcome(succeeded, failed);
        });
    }

    /** DeleteDatasetFileMetas: marks each record DELETED; one the dataset does not hold active is not found. */
    public Outcome delete(
            Account caller,
            String datasetId,
            Optional<String> workspaceId,
            Optional<String> versionName,
            List<String> ids) {
        return datasets.atomically(() -> {
            Resource dataset = dataset(caller, datasetId, workspaceId, true);
            versionName.ifPresent(name -> datasets.version(dataset, name));
            List<Detail> failed = new ArrayList<>();
            List<Detail> succeeded = new ArrayList<>();
            for (String id : new LinkedHashSet<>(ids)) {
                Optional<Resource> stored = active(dataset, id, versionName);
                if (stored.isEmpty()) {
                    failed.add(new Detail(id, null, "Not Found"));
                    continue;
                }
                resources.update(FILE_META, dataset.accountId(), datasetId, id, fields -> {
                    fields.put("Status", DELETED);
                    return fields;
                });
                succeeded.add(new Detail(id, stored.get().text("Uri").orElse(null), null));
            }
            return new Outcome(succeeded, failed);
        });
    }

    /**
     * GetDatasetFileMetasStatistics over the version's active records: without an aggregation, their number; with
     * one, the count of each directory, file type or tag, largest first (then by key), at most {@code maxResults} of
     * them, and how many keys there are.
     */
    public Statistics statistics(
            Account caller,
            String datasetId,
            String workspaceId,
            String versionName,
            Optional<String> aggregateBy,
            int maxResults) {
        Optional<String> aggregation = aggregateBy.map(value -> value.toLowerCase(Locale.ROOT));
        if (aggregation.isPresent() && !AGGREGATIONS.contains(aggregation.get())) {
            throw ApiException.invalid(
                    "AggregateBy",
                    "it must be one of " + String.join(", ", AGGREGATIONS) + " (in any case), got \""
                            + aggregateBy.get() + "\".");
        }
        Resource dataset = dataset(caller, datasetId, Optional.of(workspaceId), false);
        datasets.version(dataset, versionName);
        List<Resource> records = resources.list(
                FILE_META,
                dataset.accountId(),
                datasetId,
                meta -> versionName.equals(meta.field("DatasetVersion"))
                        && ACTIVE.equals(meta.text("Status").orElse(ACTIVE)));
        if (aggregation.isEmpty()) {
            return new Statistics(records.size(), List.of());
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (Resource meta : records) {
            for (String key : keys(meta, aggregation.get())) {
                counts.merge(key, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        return new Statistics(counts.size(), List.copyOf(sorted.subList(0, Math.min(maxResults, sorted.size()))));
    }

    /** A record's time member as an instant, for sorting and ranges; null when absent or not a time. */
    public static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof String text) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /** The id of the record of a Uri in a dataset version: 64 hexadecimal digits, the same for the same three. */
    static String id(String datasetId, String versionName, String uri) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest((datasetId + "\n" + versionName + "\n" + uri).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** The name of the file a Uri names: what follows its last slash. */
    static String fileName(String uri) {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    /**
     * The folder of the file a Uri names, within its bucket or file system and ending in a slash: {@code dataset/} for
     * {@code oss://bucket/dataset/cat.png}; empty for a file at the top.
     */
    static String fileDir(String uri) {
        int scheme = uri.indexOf("://");
        String path = uri;
        if (scheme >= 0) {
            String rest = uri.substring(scheme + 3);
            int slash = rest.indexOf('/');
            path = slash < 0 ? "" : rest.substring(slash + 1);
        }
        int last = path.lastIndexOf('/');
        return last < 0 ? "" : path.substring(0, last + 1);
    }

    private Optional<Resource> active(Resource dataset, String id, Optional<String> versionName) {
        return resources
                .find(FILE_META, dataset.accountId(), dataset.id(), id)
                .filter(meta -> ACTIVE.equals(meta.text("Status").orElse(ACTIVE)))
                .filter(meta -> versionName.isEmpty() || versionName.get().equals(meta.field("DatasetVersion")));
    }

    private static void check(Map<String, Object> item, int index) {
        for (String member : TIME_MEMBERS) {
            Object value = item.get(member);
            if (value instanceof String text && !text.isEmpty() && instant(text) == null) {
                throw ApiException.invalid(
                        "DatasetFileMetas[" + index + "]." + member,
                        "it must be an ISO 8601 time such as 2025-01-12T14:36:01Z, got \"" + text + "\".");
            }
        }
        if (item.get("DataSize") instanceof Number size && size.longValue() < 0) {
            throw ApiException.invalid("DatasetFileMetas[" + index + "].DataSize", "a size cannot be negative.");
        }
    }

    private static Predicate<Resource> within(
            String member, String parameter, Optional<String> start, Optional<String> end) {
        Instant from = start.map(text -> time(parameter, text)).orElse(null);
        Instant to = end.map(text -> time("End" + parameter.substring("Start".length()), text))
                .orElse(null);
        if (from == null && to == null) {
            return meta -> true;
        }
        return meta -> {
            Instant value = instant(meta.field(member));
            return value != null && (from == null || !value.isBefore(from)) && (to == null || !value.isAfter(to));
        };
    }

    private static Instant time(String parameter, String text) {
        Instant instant = instant(text);
        if (instant == null) {
            throw ApiException.invalid(
                    parameter,
                    "it must be an ISO 8601 UTC time such as 2025-01-12T14:36:01.000Z, got \"" + text + "\".");
        }
        return instant;
    }

    /** The tags a record has in effect: its ai tags the user did not delete, and its user tags. */
    static Set<String> effectiveTags(Resource meta) {
        Map<String, List<String>> tags = storedTags(meta);
        Set<String> effective = new LinkedHashSet<>(tags.getOrDefault(AI, List.of()));
        effective.removeAll(tags.getOrDefault(USER_DELETE_AI, List.of()));
        effective.addAll(tags.getOrDefault(USER, List.of()));
        return effective;
    }

    private static List<String> keys(Resource meta, String aggregation) {
        return switch (aggregation) {
            case "filedir" ->
                List.of(meta.text("FileDir").orElse(fileDir(meta.text("Uri").orElse(""))));
            case "filetype" -> meta.text("FileType").map(List::of).orElse(List.of());
            case "tags.all" -> List.copyOf(effectiveTags(meta));
            default ->
                List.copyOf(new LinkedHashSet<>(
                        storedTags(meta).getOrDefault(aggregation.substring("tags.".length()), List.of())));
        };
    }

    private static Map<String, List<String>> storedTags(Resource meta) {
        Object tags = meta.field("Tags");
        if (!(tags instanceof String text) || text.isEmpty()) {
            return Map.of();
        }
        try {
            return tags("Tags", text);
        } catch (ApiException notTags) {
            return Map.of(); // a seed's own text, kept as it is
        }
    }

    /** A Tags value: a JSON object of groups, each an array of tag names. */
    private static Map<String, List<String>> tags(String where, String text) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return groups;
        }
        JsonNode node = parse(where, text);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> group = it.next();
            if (!List.of(AI, USER, USER_DELETE_AI).contains(group.getKey())) {
                throw ApiException.invalid(
                        where, "the tag groups are ai, user and user-delete-ai-tags, got \"" + group.getKey() + "\".");
            }
            groups.put(group.getKey(), names(where + "." + group.getKey(), group.getValue()));
        }
        return groups;
    }

    /** The changes an update's Tags asks for: {@code ai} replaced, the other groups' {@code add} and {@code remove}. */
    private static Map<String, Object> tagChanges(String where, String text, boolean withTagJob) {
        JsonNode node = parse(where, text);
        Map<String, Object> changes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> group = it.next();
            String name = group.getKey();
            if (name.equals(AI)) {
                if (!withTagJob) {
                    throw ApiException.invalid(
                            where, "the ai tag group is set by a tagging job: give its TagJobId with them.");
                }
                changes.put(AI, names(where + ".ai", group.getValue()));
            } else if (name.equals(USER) || name.equals(USER_DELETE_AI)) {
                JsonNode change = group.getValue();
                if (!change.isObject()) {
                    throw ApiException.invalid(
                            where + "." + name, "it must be an object of add and remove lists, got " + change + ".");
                }
                for (Iterator<String> members = change.fieldNames(); members.hasNext(); ) {
                    String member = members.next();
                    if (!member.equals("add") && !member.equals("remove")) {
                        throw ApiException.invalid(
                                where + "." + name, "it holds add and remove only, got \"" + member + "\".");
                    }
                }
                List<String> add =
                        change.has("add") ? names(where + "." + name + ".add", change.get("add")) : List.of();
                List<String> remove =
                        change.has("remove") ? names(where + "." + name + ".remove", change.get("remove")) : List.of();
                changes.put(name, List.of(add, remove));
            } else {
                throw ApiException.invalid(
                        where, "the tag groups are ai, user and user-delete-ai-tags, got \"" + name + "\".");
            }
        }
        return changes;
    }

    @SuppressWarnings("unchecked")
    private static void apply(Map<String, List<String>> tags, Map<String, Object> changes) {
        changes.forEach((group, change) -> {
            if (group.equals(AI)) {
                tags.put(AI, (List<String>) change);
                return;
            }
            List<List<String>> addAndRemove = (List<List<String>>) change;
            Set<String> names = new LinkedHashSet<>(tags.getOrDefault(group, List.of()));
            names.addAll(addAndRemove.get(0));
            names.removeAll(addAndRemove.get(1));
            tags.put(group, List.copyOf(names));
        });
    }

    private static String write(Map<String, List<String>> tags) {
        ObjectNode node = Json.object();
        for (String group : List.of(AI, USER, USER_DELETE_AI)) {
            List<String> names = tags.get(group);
            if (names != null && !names.isEmpty()) {
                ArrayNode array = node.putArray(group);
                names.forEach(array::add);
            }
        }
        return node.toString();
    }

    private static JsonNode parse(String where, String text) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(text);
        } catch (JacksonException e) {
            throw ApiException.invalid(where, "it must be a JSON object, got \"" + text + "\".");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.invalid(where, "it must be a JSON object, got \"" + text + "\".");
        }
        return node;
    }

    private static List<String> names(String where, JsonNode node) {
        if (!node.isArray()) {
            throw ApiException.invalid(where, "it must be an array of tag names, got " + node + ".");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode name : node) {
            if (!name.isTextual() || name.textValue().isEmpty()) {
                throw ApiException.invalid(where, "every tag name must be a non-empty string, got " + name + ".");
            }
            names.add(name.textValue());
        }
        return names;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

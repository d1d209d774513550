package io.github.paiworkspacefake.server.internal.domain.resources;

import io.github.paiworkspacefake.server.internal.catalogue.Catalogue;
import io.github.paiworkspacefake.server.internal.catalogue.ResourceSpec;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.ChangeSink;
import io.github.paiworkspacefake.server.internal.domain.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The resource engine: one fake's store of the long tail of workspace-owned resources (datasets and their versions,
 * models, code sources, experiments, runs, images, connections, ...), their types declared in the catalogue
 * ({@link ResourceSpec}). It gives ids in each type's form, stamps creation and modification times from the fake's
 * clock, keeps each account's resources its own, keeps the members a type declares unique, removes a resource's
 * children with it and a workspace's resources with the workspace, and lists in creation order. Each change is atomic
 * on its own; operations that span several run under the fake's state lock like every operation. Every resource it
 * creates, changes or removes, and every move of its sequence, is reported to the fake's {@link ChangeSink}, so the
 * families built on the engine are durable in a fake with a data directory without doing anything themselves.
 */
public final class Resources {

    /** A resource's place in its type: ids are unique under their parent. */
    private record Key(String parentId, String id) {}

    /** One type's resources, by key and in creation order, and the claims on its unique members. */
    private static final class TypeStore {
        final Map<Key, Resource> byKey = new ConcurrentHashMap<>();
        final ConcurrentSkipListMap<Long, Resource> bySequence = new ConcurrentSkipListMap<>();
        final Map<List<Object>, Key> claims = new ConcurrentHashMap<>();
    }

    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, TypeStore> stores = new ConcurrentHashMap<>();
    private final ChangeSink changes;

    public Resources(Clock clock) {
        this(clock, ChangeSink.NONE);
    }

    /** An engine that reports every resource it changes, and every move of its sequence, to {@code changes}. */
    public Resources(Clock clock, ChangeSink changes) {
        this.clock = clock;
        this.changes = changes;
    }

    /** What a new resource is: its owner, where it lives, its members, and an id when the caller names it. */
    public record Creation(
            String accountId, String parentId, String workspaceId, Map<String, Object> fields, String givenId) {

        /** A resource of an account in a workspace, with an id the engine makes. */
        public static Creation in(String accountId, String workspaceId, Map<String, Object> fields) {
            return new Creation(accountId, null, workspaceId, fields, null);
        }

        /** A copy living under another resource. */
        public Creation under(String newParentId) {
            return new Creation(accountId, newParentId, workspaceId, fields, givenId);
        }

        /** A copy with an id the caller names. */
        public Creation withId(String id) {
            return new Creation(accountId, parentId, workspaceId, fields, id);
        }
    }

    /**
     * Stores a new resource: its id (made in the type's form unless given) and its creation and modification times
     * (unless given) are set among its members. A given id already used under the parent, or unique members another
     * resource holds, are refused with the type's conflict error.
     */
    public Resource create(ResourceSpec type, Creation creation) {
        try (ChangeSink.Scope writing = changes.writing()) {
            return createNow(type, creation);
        }
    }

    private Resource createNow(ResourceSpec type, Creation creation) {
        TypeStore store = store(type);
        Instant now = now();
        while (true) {
            long number = sequence.incrementAndGet();
            changes.sequences();
            String id = creation.givenId() != null ? creation.givenId() : newId(type, number);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put(type.idField(), id);
            creation.fields().forEach((name, value) -> {
                if (value != null) {
                    fields.put(name, value);
                }
            });
            fields.put(type.idField(), id);
            if (type.createdField() != null) {
                fields.putIfAbsent(type.createdField(), now);
            }
            if (type.modifiedField() != null) {
                fields.putIfAbsent(type.modifiedField(), fields.getOrDefault(type.createdField(), now));
            }
            Key key = new Key(Objects.toString(creation.parentId(), ""), id);
            Resource resource = new Resource(
                    type.name(),
                    creation.accountId(),
                    id,
                    creation.parentId(),
                    creation.workspaceId(),
                    number,
                    fields,
                    Map.of());
            List<Object> claim = claim(type, resource);
            if (claim != null && store.claims.putIfAbsent(claim, key) != null) {
                throw conflict(type, resource);
            }
            if (store.byKey.putIfAbsent(key, resource) != null) {
                if (claim != null) {
                    store.claims.remove(claim, key);
                }
                if (creation.givenId() != null) {
                    throw conflict(type, resource);
                }
                continue; // a made id that a seeded resource holds: draw the next
            }
            store.bySequence.put(number, resource);
            changed(resource);
            return resource;
        }
    }

    private void changed(Resource resource) {
        changes.resource(resource.type(), resource.parentId(), resource.id());
    }

    /** The account's resource of this type and id under {@code parentId} (null for none). */
    public Optional<Resource> find(ResourceSpec type, String accountId, String parentId, String id) {
        TypeStore store = stores.get(type.name());
        if (store == null || id == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(store.byKey.get(new Key(Objects.toString(parentId, ""), id)))
                .filter(resource -> resource.accountId().equals(accountId));
    }

    /** {@link #find}, or the type's not-found error. */
    public Resource get(ResourceSpec type, String accountId, String parentId, String id) {
        return find(type, accountId, parentId, id).orElseThrow(() -> ApiException.of(type.notFound()));
    }

    /**
     * Changes a resource's members atomically; its id stays, its modification time advances. Unique members another
     * resource holds are refused with the type's conflict error, and nothing changes.
     */
    public Resource update(
            ResourceSpec type,
            String accountId,
            String parentId,
            String id,
            UnaryOperator<Map<String, Object>> change) {
        try (ChangeSink.Scope writing = changes.writing()) {
            return updateNow(type, accountId, parentId, id, change);
        }
    }

    private Resource updateNow(
            ResourceSpec type,
            String accountId,
            String parentId,
            String id,
            UnaryOperator<Map<String, Object>> change) {
        TypeStore store = store(type);
        Key key = new Key(Objects.toString(parentId, ""), id);
        Resource[] updated = new Resource[1];
        store.byKey.compute(key, (k, current) -> {
            if (current == null || !current.accountId().equals(accountId)) {
                throw ApiException.of(type.notFound());
            }
            Map<String, Object> fields = new LinkedHashMap<>(change.apply(new LinkedHashMap<>(current.fields())));
            fields.put(type.idField(), id);
            if (type.modifiedField() != null) {
                fields.put(type.modifiedField(), after(current.field(type.modifiedField()), now()));
            }
            Resource changed = current.withFields(fields);
            List<Object> before = claim(type, current);
            List<Object> after = claim(type, changed);
            if (after != null && !after.equals(before)) {
                if (store.claims.putIfAbsent(after, key) != null) {
                    throw conflict(type, changed);
                }
                if (before != null) {
                    store.claims.remove(before, key);
                }
            }
            store.bySequence.put(changed.sequence(), changed);
            updated[0] = changed;
            return changed;
        });
        changed(updated[0]);
        return updated[0];
    }

    /** Adds one to a resource's counter of this name and returns the new value: counters never go back. */
    public long increment(ResourceSpec type, String accountId, String parentId, String id, String counter) {
        try (ChangeSink.Scope writing = changes.writing()) {
            return incrementNow(type, accountId, parentId, id, counter);
        }
    }

    private long incrementNow(ResourceSpec type, String accountId, String parentId, String id, String counter) {
        TypeStore store = store(type);
        long[] value = new long[1];
        store.byKey.compute(new Key(Objects.toString(parentId, ""), id), (k, current) -> {
            if (current == null || !current.accountId().equals(accountId)) {
                throw ApiException.of(type.notFound());
            }
            Map<String, Long> counters = new HashMap<>(current.counters());
            value[0] = counters.merge(counter, 1L, Long::sum);
            Resource changed = current.withCounters(counters);
            store.bySequence.put(changed.sequence(), changed);
            return changed;
        });
        changes.resource(type.name(), parentId, id);
        return value[0];
    }

    /** Removes a resource and, with it, every resource that lives under it; the type's not-found error if absent. */
    public Resource remove(ResourceSpec type, String accountId, String parentId, String id) {
        try (ChangeSink.Scope writing = changes.writing()) {
            Resource resource = get(type, accountId, parentId, id);
            removeWithChildren(type, resource);
            return resource;
        }
    }

    /** Removes every resource of a workspace (and what lives under them), as the workspace is deleted. */
    public void removeWorkspace(String workspaceId) {
        if (stores.isEmpty()) {
            return;
        }
        try (ChangeSink.Scope writing = changes.writing()) {
            removeAllOf(workspaceId);
        }
    }

    private void removeAllOf(String workspaceId) {
        for (ResourceSpec type : Catalogue.get().resources().values()) {
            TypeStore store = stores.get(type.name());
            if (store == null) {
                continue;
            }
            for (Resource resource : List.copyOf(store.bySequence.values())) {
                if (workspaceId.equals(resource.workspaceId())) {
                    removeWithChildren(type, resource);
                }
            }
        }
    }

    private void removeWithChildren(ResourceSpec type, Resource resource) {
        TypeStore store = store(type);
        Key key = new Key(Objects.toString(resource.parentId(), ""), resource.id());
        if (store.byKey.remove(key) == null) {
            return;
        }
        changed(resource);
        store.bySequence.remove(resource.sequence());
        List<Object> claim = claim(type, resource);
        if (claim != null) {
            store.claims.remove(claim, key);
        }
        for (ResourceSpec child : Catalogue.get().resources().values()) {
            if (type.name().equals(child.parent())) {
                TypeStore children = stores.get(child.name());
                if (children != null) {
                    for (Resource each : List.copyOf(children.bySequence.values())) {
                        if (resource.id().equals(each.parentId())) {
                            removeWithChildren(child, each);
                        }
                    }
                }
            }
        }
    }

    /**
     * The account's resources of a type that match, in creation order; under {@code parentId} only when it is not
     * null. A null account matches every account's (for test code).
     */
    public List<Resource> list(ResourceSpec type, String accountId, String parentId, Predicate<Resource> filter) {
        TypeStore store = stores.get(type.name());
        if (store == null) {
            return List.of();
        }
        List<Resource> matches = new ArrayList<>();
        for (Resource resource : store.bySequence.values()) {
            if ((accountId == null || resource.accountId().equals(accountId))
                    && (parentId == null || parentId.equals(resource.parentId()))
                    && filter.test(resource)) {
                matches.add(resource);
            }
        }
        return matches;
    }

    /** Every stored resource, of every type, in creation order: what a snapshot holds. */
    public List<Resource> all() {
        return stores.values().stream()
                .flatMap(store -> store.bySequence.values().stream())
                .sorted(Comparator.comparingLong(Resource::sequence))
                .toList();
    }

    /**
     * Checks that these resources (from a seed or snapshot) can be stored: known types, ids unique under their
     * parents, unique members kept, parents present among them or (unless {@code replace}) already stored. Returns the
     * first problem, naming the entry.
     */
    public Optional<String> problem(List<Resource> incoming, boolean replace) {
        Map<String, Map<Key, Resource>> seen = new HashMap<>();
        Map<String, Map<List<Object>, Key>> claims = new HashMap<>();
        for (int i = 0; i < incoming.size(); i++) {
            Resource resource = incoming.get(i);
            String where = "resources[" + i + "]";
            Optional<ResourceSpec> type = Catalogue.get().resource(resource.type());
            if (type.isEmpty()) {
                return Optional.of(where + ": unknown Type " + resource.type() + "; known are "
                        + Catalogue.get().resources().keySet());
            }
            Key key = new Key(Objects.toString(resource.parentId(), ""), resource.id());
            boolean stored = !replace
                    && stores.containsKey(resource.type())
                    && stores.get(resource.type()).byKey.containsKey(key);
            if (seen.computeIfAbsent(resource.type(), t -> new HashMap<>()).put(key, resource) != null || stored) {
                return Optional.of(where + ": " + resource.type() + " " + resource.id() + " is already "
                        + (stored ? "stored" : "listed"));
            }
            List<Object> claim = claim(type.get(), resource);
            if (claim != null) {
                boolean held = !replace
                        && stores.containsKey(resource.type())
                        && stores.get(resource.type()).claims.containsKey(claim);
                if (claims.computeIfAbsent(resource.type(), t -> new HashMap<>())
                                        .put(claim, key)
                                != null
                        || held) {
                    return Optional.of(where + ": another " + resource.type() + " already has "
                            + type.get().unique() + " " + claim);
                }
            }
        }
        for (int i = 0; i < incoming.size(); i++) {
            Resource resource = incoming.get(i);
            ResourceSpec type = Catalogue.get().resource(resource.type()).orElseThrow();
            if (type.parent() != null) {
                Key parentKey = parentKey(type.parent(), resource.parentId(), seen);
                boolean present = parentKey != null || (!replace && findAnyParent(type.parent(), resource.parentId()));
                if (!present) {
                    return Optional.of("resources[" + i + "]: its parent " + type.parent() + " " + resource.parentId()
                            + " is neither listed nor stored");
                }
            }
        }
        return Optional.empty();
    }

    private static Key parentKey(String parentType, String parentId, Map<String, Map<Key, Resource>> seen) {
        return seen.getOrDefault(parentType, Map.of()).keySet().stream()
                .filter(key -> key.id().equals(parentId))
                .findFirst()
                .orElse(null);
    }

    private boolean findAnyParent(String parentType, String parentId) {
        TypeStore store = stores.get(parentType);
        return store != null
                && store.byKey.keySet().stream().anyMatch(key -> key.id().equals(parentId));
    }

    /**
     * Stores checked resources ({@link #problem} found none), after forgetting everything when {@code replace}; new
     * sequence numbers and ids continue after every stored one.
     */
    public void load(List<Resource> incoming, boolean replace) {
        try (ChangeSink.Scope writing = changes.writing()) {
            changes.wholeState();
            loadNow(incoming, replace);
        }
    }

    private void loadNow(List<Resource> incoming, boolean replace) {
        if (replace) {
            stores.clear();
        }
        for (Resource resource : incoming) {
            ResourceSpec type = Catalogue.get().resource(resource.type()).orElseThrow();
            TypeStore store = store(type);
            long number = resource.sequence() > 0 ? resource.sequence() : sequence.incrementAndGet();
            Resource placed = new Resource(
                    resource.type(),
                    resource.accountId(),
                    resource.id(),
                    resource.parentId(),
                    resource.workspaceId(),
                    number,
                    resource.fields(),
                    resource.counters());
            Key key = new Key(Objects.toString(resource.parentId(), ""), resource.id());
            store.byKey.put(key, placed);
            store.bySequence.put(number, placed);
            List<Object> claim = claim(type, placed);
            if (claim != null) {
                store.claims.put(claim, key);
            }
            sequence.accumulateAndGet(number, Math::max);
        }
    }

    /** Forgets every resource; sequence numbers and ids continue, they do not start again. */
    public void clear() {
        try (ChangeSink.Scope writing = changes.writing()) {
            changes.wholeState();
            stores.clear();
        }
    }

    /** The resource of this type under {@code parentId} (null for none) with this id, whoever owns it. */
    public Optional<Resource> stored(String type, String parentId, String id) {
        TypeStore store = stores.get(type);
        return store == null
                ? Optional.empty()
                : Optional.ofNullable(store.byKey.get(new Key(Objects.toString(parentId, ""), id)));
    }

    /** The last sequence number handed out: new resources get higher ones, and ids in their types' forms from them. */
    public long lastSequence() {
        return sequence.get();
    }

    /** Moves the sequence on to {@code last}, unless it is there already: it never goes back. */
    public void advanceSequence(long last) {
        if (sequence.get() >= last) {
            return;
        }
        try (ChangeSink.Scope writing = changes.writing()) {
            if (sequence.getAndAccumulate(last, Math::max) < last) {
                changes.sequences();
            }
        }
    }

    /** How many resources of each type are stored, by type name. */
    public Map<String, Integer> counts() {
        return stores.entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().byKey.size()));
    }

    private TypeStore store(ResourceSpec type) {
        return stores.computeIfAbsent(type.name(), name -> new TypeStore());
    }

    /**
     * The values of the type's unique members, when it declares some and they are all set: unique under the
     * resource's parent and within its account, as nothing of one account ever conflicts with another's.
     */
    private static List<Object> claim(ResourceSpec type, Resource resource) {
        if (type.unique().isEmpty()) {
            return null;
        }
        List<Object> values = new ArrayList<>();
        values.add(Objects.toString(resource.accountId(), ""));
        values.add(Objects.toString(resource.parentId(), ""));
        for (String member : type.unique()) {
            Object value = resource.field(member);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    private static ApiException conflict(ResourceSpec type, Resource resource) {
        if (type.conflict() != null) {
            return ApiException.of(type.conflict());
        }
        return new ApiException(
                ErrorCode.RESOURCE_EXISTS,
                "A " + type.name() + " with "
                        + (type.unique().isEmpty()
                                ? "id " + resource.id()
                                : type.unique() + " "
                                        + type.unique().stream()
                                                .map(resource::field)
                                                .toList())
                        + " already exists.");
    }

    /** An id in the type's form: its prefix and 13 characters of base 36 that differ for every resource made. */
    private static String newId(ResourceSpec type, long number) {
        if (type.idPrefix() == null) {
            throw new IllegalStateException(type.name() + " has no id prefix: its ids must be given");
        }
        long mixed = number * 0x9E3779B97F4A7C15L;
        mixed ^= mixed >>> 29;
        mixed *= 0xBF58476D1CE4E5B9L;
        mixed ^= mixed >>> 32;
        String digits = Long.toUnsignedString(mixed, 36);
        return type.idPrefix() + "0".repeat(13 - digits.length()) + digits;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A modification time after the last one, so it always advances. */
    private static Instant after(Object last, Instant now) {
        if (last instanceof Instant previous && !now.isAfter(previous)) {
            return previous.plusMillis(1);
        }
        return now;
    }
}

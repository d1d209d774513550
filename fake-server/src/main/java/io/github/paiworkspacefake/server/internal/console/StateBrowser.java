package io.github.paiworkspacefake.server.internal.console;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.Member;
import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.User;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.internal.catalogue.Catalogue;
import io.github.paiworkspacefake.server.internal.catalogue.OperationSpec;
import io.github.paiworkspacefake.server.internal.catalogue.ResourceSpec;
import io.github.paiworkspacefake.server.internal.domain.FakeState;
import io.github.paiworkspacefake.server.internal.domain.Json;
import io.github.paiworkspacefake.server.internal.domain.ListWorkspacesRequest;
import io.github.paiworkspacefake.server.internal.domain.RequestJournal;
import io.github.paiworkspacefake.server.internal.domain.WorkspaceService;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.families.Families;
import io.github.paiworkspacefake.server.internal.families.StateAnswers;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the admin console shows of one fake's state, read-only: per account, how many items of each kind it holds
 * (workspaces, members, users, and every resource type of the resource engine, from the catalogue), and a page of
 * one kind's items, newest first, each with its id, a few columns and its full JSON as the API answers it. The
 * engine's types come from the catalogue ({@link ItemShape}), so a family built on the engine appears here without
 * code of its own. Reading counts as no read of the API: a lifecycle waiting for reads does not move.
 */
public final class StateBrowser {

    /** The largest page asked for. */
    public static final int MAX_PAGE_SIZE = 500;

    private static final String WORKSPACE = "Workspace";
    private static final String MEMBER = "Member";
    private static final String USER = "User";

    /**
     * A kind of item the console lists.
     *
     * @param name    its name: {@code Workspace}, {@code Member}, {@code User}, or a resource type's
     * @param family  the family of operations that serves it
     * @param idField the member holding its id
     * @param parent  the kind it lives under, or null
     * @param shape   how the API writes one
     * @param columns the members shown as columns, the id first
     */
    record Kind(String name, String family, String idField, String parent, ItemShape shape, List<String> columns) {

        /** Whether the fake serves any operation of its family. */
        boolean served() {
            return Catalogue.get().operations().stream()
                    .filter(op -> op.family().equals(family))
                    .map(OperationSpec::operation)
                    .anyMatch(Families.registry()::serves);
        }
    }

    /** One item of a page: where it lives, its columns, its members as the API answers them. */
    private record Item(
            String id,
            String parentId,
            String workspaceId,
            boolean isDefault,
            Map<String, String> cells,
            Map<String, Object> members) {}

    private final FakeState state;
    private final String regionId;
    private final List<Account> configured;
    private final boolean signaturesChecked;
    private final boolean lenient;

    /**
     * @param configured        the accounts the fake knows without storing anything: its own first, then those its
     *                          access keys act as
     * @param signaturesChecked whether requests must be signed
     * @param lenient           whether parameters the fake does not honour are ignored
     */
    public StateBrowser(
            FakeState state, String regionId, List<Account> configured, boolean signaturesChecked, boolean lenient) {
        this.state = state;
        this.regionId = regionId;
        this.configured = List.copyOf(configured);
        this.signaturesChecked = signaturesChecked;
        this.lenient = lenient;
    }

    private static final class Kinds {
        static final Map<String, Kind> ALL = kinds();

        private static Map<String, Kind> kinds() {
            Map<String, Kind> kinds = new LinkedHashMap<>();
            kinds.put(
                    WORKSPACE,
                    new Kind(
                            WORKSPACE,
                            "Workspace",
                            "WorkspaceId",
                            null,
                            ItemShape.answerOf(Operation.GetWorkspace),
                            List.of("WorkspaceId", "WorkspaceName", "DisplayName", "Status", "GmtCreateTime")));
            kinds.put(
                    MEMBER,
                    new Kind(
                            MEMBER,
                            "Member",
                            "MemberId",
                            WORKSPACE,
                            ItemShape.answerOf(Operation.GetMember),
                            List.of("MemberId", "WorkspaceId", "UserId", "MemberName", "Roles", "GmtCreateTime")));
            kinds.put(
                    USER,
                    new Kind(
                            USER,
                            "Member",
                            "UserId",
                            null,
                            ItemShape.itemOf(Operation.ListWorkspaceUsers),
                            List.of("UserId", "UserName", "DisplayName", "AccountType")));
            Catalogue.get().resources().values().stream()
                    .sorted(Comparator.comparing(Kinds::rootOf)
                            .thenComparing(Kinds::depthOf)
                            .thenComparing(ResourceSpec::name))
                    .forEach(type -> {
                        ItemShape shape = ItemShape.of(type);
                        kinds.putIfAbsent(
                                type.name(),
                                new Kind(
                                        type.name(),
                                        type.family(),
                                        type.idField(),
                                        type.parent(),
                                        shape,
                                        columnsOf(type, shape)));
                    });
            return java.util.Collections.unmodifiableMap(kinds);
        }

        private static String rootOf(ResourceSpec type) {
            ResourceSpec root = type;
            for (int depth = 0; root.parent() != null && depth < 8; depth++) {
                root = Catalogue.get().resource(root.parent()).orElse(root);
            }
            return root.name();
        }

        private static int depthOf(ResourceSpec type) {
            int depth = 0;
            ResourceSpec at = type;
            while (at.parent() != null && depth < 8) {
                at = Catalogue.get().resource(at.parent()).orElse(at);
                depth++;
            }
            return depth;
        }

        /**
         * The id; the parent's id; the workspace; up to two of its names ({@code Name}, {@code <Type>Name},
         * {@code DisplayName}, other {@code ...Name}s but users' and owners'); {@code Status}; the creation time: what
         * tells items apart at a glance, whatever the type.
         */
        private static List<String> columnsOf(ResourceSpec type, ItemShape shape) {
            Set<String> columns = new LinkedHashSet<>();
            columns.add(type.idField());
            if (type.parent() != null) {
                Catalogue.get()
                        .resource(type.parent())
                        .map(ResourceSpec::idField)
                        .ifPresent(columns::add);
            }
            if (type.workspaceField() != null) {
                columns.add(type.workspaceField());
            }
            List<String> names = shape.memberNames();
            Set<String> named = new LinkedHashSet<>();
            for (String preferred : List.of("Name", type.name() + "Name", "DisplayName")) {
                if (names.contains(preferred)) {
                    named.add(preferred);
                }
            }
            names.stream()
                    .filter(name -> name.endsWith("Name") && !name.contains("User") && !name.contains("Owner"))
                    .forEach(named::add);
            named.stream().filter(name -> !columns.contains(name)).limit(2).forEach(columns::add);
            if (names.contains("Status")) {
                columns.add("Status");
            }
            if (type.createdField() != null) {
                columns.add(type.createdField());
            }
            return List.copyOf(columns);
        }
    }

    /** The fake at a glance: region, settings, the kinds it lists and, per account, how many of each it stores. */
    public byte[] summary() {
        Map<String, Account> accounts = new LinkedHashMap<>();
        configured.forEach(account -> accounts.putIfAbsent(account.accountId(), account));
        Map<String, Map<String, Long>> counts = state.lock().shared(() -> count(accounts));
        return Json.document(json -> {
            json.writeStringField("regionId", regionId);
            json.writeStringField("accountId", configured.get(0).accountId());
            json.writeBooleanField("signaturesChecked", signaturesChecked);
            json.writeBooleanField("lenient", lenient);
            json.writeArrayFieldStart("kinds");
            for (Kind kind : Kinds.ALL.values()) {
                json.writeStartObject();
                json.writeStringField("name", kind.name());
                json.writeStringField("family", kind.family());
                json.writeStringField("idField", kind.idField());
                json.writeStringField("parent", kind.parent());
                json.writeStringField("answeredBy", kind.shape().answeredBy());
                json.writeBooleanField("served", kind.served());
                writeStrings(json, "columns", kind.columns());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("accounts");
            for (Account account : accounts.values()) {
                json.writeStartObject();
                json.writeStringField("accountId", account.accountId());
                json.writeStringField("userName", account.userName());
                json.writeObjectFieldStart("counts");
                for (String kind : Kinds.ALL.keySet()) {
                    json.writeNumberField(
                            kind,
                            counts.getOrDefault(account.accountId(), Map.of()).getOrDefault(kind, 0L));
                }
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    /** Counts every kind per account, adding the accounts found to {@code accounts}: one walk over each store. */
    private Map<String, Map<String, Long>> count(Map<String, Account> accounts) {
        Map<String, long[]> workspacesAndMembers = new HashMap<>();
        for (Workspace workspace : state.workspaces().all()) {
            long[] counts = workspacesAndMembers.get(workspace.owner().accountId());
            if (counts == null) {
                counts = new long[2];
                workspacesAndMembers.put(workspace.owner().accountId(), counts);
                accounts.putIfAbsent(workspace.owner().accountId(), workspace.owner());
            }
            counts[0]++;
            counts[1] += state.members().count(workspace.workspaceId());
        }
        Map<String, Map<String, Long>> counts = new HashMap<>();
        workspacesAndMembers.forEach((accountId, both) -> {
            Map<String, Long> of = counts.computeIfAbsent(accountId, id -> new HashMap<>());
            of.put(WORKSPACE, both[0]);
            of.put(MEMBER, both[1]);
        });
        for (User user : state.users().all()) {
            accounts.putIfAbsent(user.accountId(), Account.of(user.accountId(), user.accountId()));
            counts.computeIfAbsent(user.accountId(), id -> new HashMap<>()).merge(USER, 1L, Long::sum);
        }
        for (ResourceSpec type : Catalogue.get().resources().values()) {
            Map<String, long[]> byAccount = new HashMap<>();
            for (Resource resource : state.resources().list(type, null, null, any -> true)) {
                byAccount.computeIfAbsent(resource.accountId(), id -> new long[1])[0]++;
            }
            byAccount.forEach((accountId, count) -> {
                accounts.putIfAbsent(accountId, Account.of(accountId, accountId));
                counts.computeIfAbsent(accountId, id -> new HashMap<>()).put(type.name(), count[0]);
            });
        }
        // every account has its own user besides its RAM users
        accounts.keySet()
                .forEach(
                        id -> counts.computeIfAbsent(id, any -> new HashMap<>()).merge(USER, 1L, Long::sum));
        return counts;
    }

    /**
     * One page of an account's items of one kind, newest first (users: the account's own first), those whose
     * members contain {@code filter} (any case) only, when it is not blank.
     *
     * @throws IllegalArgumentException for a kind the console does not know
     */
    public byte[] page(String kindName, String accountId, String filter, long pageNumber, int pageSize) {
        Kind kind = Kinds.ALL.get(kindName);
        if (kind == null) {
            throw new IllegalArgumentException("unknown kind " + kindName + "; known are " + Kinds.ALL.keySet());
        }
        String needle = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        Pager<Item> found = new Pager<>((pageNumber - 1) * (long) pageSize, pageSize);
        state.lock().shared(() -> {
            find(kind, accountId, needle, found);
            return null;
        });
        List<Item> page = new ArrayList<>(found.page().size());
        for (Item item : found.page()) {
            page.add(withMembers(kind, item));
        }
        long totalCount = found.total();
        return Json.document(json -> {
            json.writeStringField("kind", kind.name());
            json.writeStringField("accountId", accountId);
            json.writeNumberField("totalCount", totalCount);
            json.writeNumberField("pageNumber", pageNumber);
            json.writeNumberField("pageSize", pageSize);
            writeStrings(json, "columns", kind.columns());
            json.writeArrayFieldStart("items");
            for (Item item : page) {
                json.writeStartObject();
                json.writeStringField("id", item.id());
                json.writeStringField("parentId", item.parentId());
                json.writeStringField("workspaceId", item.workspaceId());
                json.writeBooleanField("isDefault", item.isDefault());
                json.writeObjectFieldStart("cells");
                for (String column : kind.columns()) {
                    json.writeStringField(column, item.cells().get(column));
                }
                json.writeEndObject();
                json.writeFieldName("json");
                writeMembers(json, kind.shape(), item.members());
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    /**
     * Counts the matching items, newest first, and keeps those of the page, their full answers not yet built. Only
     * the page's items are made: a page of 100,000 workspaces costs what a walk past them costs, and without a filter
     * the workspaces' own listing reads only as far as the page.
     */
    private void find(Kind kind, String accountId, String needle, Pager<Item> found) {
        switch (kind.name()) {
            case WORKSPACE -> {
                if (needle.isEmpty()) {
                    WorkspaceService.Page<Workspace> page = state.workspaces()
                            .list(
                                    Account.of(accountId, accountId),
                                    new ListWorkspacesRequest(
                                            found.from() / found.size() + 1,
                                            found.size(),
                                            ListWorkspacesRequest.SortBy.GmtCreateTime,
                                            true,
                                            Optional.empty(),
                                            Optional.empty(),
                                            Optional.empty(),
                                            Optional.empty(),
                                            Optional.empty(),
                                            true,
                                            false,
                                            ListWorkspacesRequest.Option.GetWorkspaces));
                    found.skip(Math.min(found.from(), page.totalCount()));
                    page.items().forEach(workspace -> found.offer(() -> workspaceItem(workspace)));
                    found.skip(page.totalCount() - found.total());
                    return;
                }
                for (Workspace workspace : ownedNewestFirst(accountId)) {
                    if (matches(
                            needle,
                            workspace.workspaceId(),
                            workspace.workspaceName(),
                            workspace.displayName(),
                            workspace.description(),
                            workspace.status().name(),
                            workspace.resourceGroupId())) {
                        found.offer(() -> workspaceItem(workspace));
                    }
                }
            }
            case MEMBER -> {
                for (Workspace workspace : ownedNewestFirst(accountId)) {
                    if (needle.isEmpty() && !found.wants(state.members().count(workspace.workspaceId()))) {
                        found.skip(state.members().count(workspace.workspaceId()));
                        continue;
                    }
                    for (Member member : state.members().of(workspace.workspaceId())) {
                        if (matches(
                                needle,
                                member.workspaceId(),
                                member.memberId(),
                                member.user().userId(),
                                member.user().userName(),
                                member.user().displayName(),
                                String.join(",", member.roles()))) {
                            found.offer(() -> memberItem(member));
                        }
                    }
                }
            }
            case USER ->
                state.users().users(account(accountId)).stream()
                        .filter(user -> matches(needle, user.userId(), user.userName(), user.displayName()))
                        .forEach(user -> found.offer(() -> userItem(user)));
            default -> {
                ResourceSpec type = Catalogue.get().resource(kind.name()).orElseThrow();
                List<Resource> resources = state.resources()
                        .list(
                                type,
                                accountId,
                                null,
                                resource -> needle.isEmpty()
                                        || resource.id()
                                                .toLowerCase(Locale.ROOT)
                                                .contains(needle)
                                        || resource.fields().values().stream()
                                                .anyMatch(value -> text(value)
                                                        .toLowerCase(Locale.ROOT)
                                                        .contains(needle)));
                for (int i = resources.size() - 1; i >= 0; i--) {
                    Resource resource = resources.get(i);
                    found.offer(() -> resourceItem(kind, type, resource));
                }
            }
        }
    }

    /** Counts what is offered and keeps the page's share of it, made only when kept. */
    private static final class Pager<T> {
        private final long from;
        private final int size;
        private final List<T> page = new ArrayList<>();
        private long total;

        Pager(long from, int size) {
            this.from = from;
            this.size = size;
        }

        long from() {
            return from;
        }

        int size() {
            return size;
        }

        /** Whether any of the next {@code count} offered would be kept. */
        boolean wants(long count) {
            return total + count > from && total < from + size;
        }

        void skip(long count) {
            total += count;
        }

        void offer(java.util.function.Supplier<T> item) {
            if (total >= from && total < from + size) {
                page.add(item.get());
            }
            total++;
        }

        List<T> page() {
            return page;
        }

        long total() {
            return total;
        }
    }

    private List<Workspace> ownedNewestFirst(String accountId) {
        List<Workspace> owned = new ArrayList<>();
        for (Workspace workspace : state.workspaces().all()) {
            if (workspace.owner().accountId().equals(accountId)) {
                owned.add(workspace);
            }
        }
        java.util.Collections.reverse(owned);
        return owned;
    }

    /** The account of this id as the fake knows it: configured, or the owner of a stored workspace. */
    private Account account(String accountId) {
        return configured.stream()
                .filter(account -> account.accountId().equals(accountId))
                .findFirst()
                .or(() -> state.workspaces().all().stream()
                        .map(Workspace::owner)
                        .filter(owner -> owner.accountId().equals(accountId))
                        .findFirst())
                .orElseGet(() -> Account.of(accountId, accountId));
    }

    private static Item workspaceItem(Workspace workspace) {
        Map<String, String> cells = new HashMap<>();
        cells.put("WorkspaceId", workspace.workspaceId());
        cells.put("WorkspaceName", workspace.workspaceName());
        cells.put("DisplayName", workspace.displayName());
        cells.put("Status", workspace.status().name());
        cells.put("GmtCreateTime", Json.timestamp(workspace.gmtCreateTime()));
        return new Item(workspace.workspaceId(), null, workspace.workspaceId(), false, cells, null);
    }

    private static Item memberItem(Member member) {
        Map<String, String> cells = new HashMap<>();
        cells.put("MemberId", member.memberId());
        cells.put("WorkspaceId", member.workspaceId());
        cells.put("UserId", member.user().userId());
        cells.put("MemberName", member.user().userName());
        cells.put("Roles", String.join(", ", member.roles()));
        cells.put("GmtCreateTime", Json.timestamp(member.gmtCreateTime()));
        return new Item(
                member.memberId(),
                member.workspaceId(),
                member.workspaceId(),
                false,
                cells,
                StateAnswers.member(member));
    }

    private static Item userItem(User user) {
        Map<String, String> cells = new HashMap<>();
        cells.put("UserId", user.userId());
        cells.put("UserName", user.userName());
        cells.put("DisplayName", user.displayName());
        cells.put("AccountType", user.accountType());
        return new Item(user.userId(), null, null, false, cells, StateAnswers.user(user));
    }

    private Item resourceItem(Kind kind, ResourceSpec type, Resource resource) {
        Map<String, String> cells = new HashMap<>();
        String parentIdField = type.parent() == null
                ? null
                : Catalogue.get()
                        .resource(type.parent())
                        .map(ResourceSpec::idField)
                        .orElse(null);
        for (String column : kind.columns()) {
            Object value = resource.field(column);
            if (value == null && column.equals(parentIdField)) {
                value = resource.parentId();
            }
            if (value == null && column.equals(type.workspaceField())) {
                value = resource.workspaceId();
            }
            if (value != null && !(value instanceof Map)) {
                cells.put(column, text(value));
            }
        }
        cells.put(type.idField(), resource.id());
        Map<String, Object> members = RequestJournal.maskedMembers(
                StateAnswers.resource(state, resource).orElse(resource.fields()));
        return new Item(resource.id(), resource.parentId(), resource.workspaceId(), false, cells, members);
    }

    /** The item with the members of its answer, built outside the lock (the default mark read now). */
    private Item withMembers(Kind kind, Item item) {
        if (item.members() != null || !kind.name().equals(WORKSPACE)) {
            return item;
        }
        Optional<Workspace> workspace = state.workspaces().find(item.id());
        if (workspace.isEmpty()) {
            return new Item(item.id(), null, item.workspaceId(), false, item.cells(), Map.of());
        }
        boolean isDefault = state.workspaces().isDefault(workspace.get());
        Map<String, String> cells = new HashMap<>(item.cells());
        return new Item(
                item.id(),
                null,
                item.workspaceId(),
                isDefault,
                cells,
                StateAnswers.workspace(state.workspaces(), workspace.get()));
    }

    /** Writes an item's JSON as its kind's shape says; an item the shape cannot write is written as stored, its declared members only. */
    private static void writeMembers(JsonGenerator json, ItemShape shape, Map<String, Object> members)
            throws IOException {
        try {
            byte[] written = Json.document(inner -> {
                inner.writeFieldName("item");
                shape.write(inner, members);
            });
            // the item's bytes between {"item": and the closing brace
            String text = new String(written, java.nio.charset.StandardCharsets.UTF_8);
            json.writeRawValue(text.substring("{\"item\":".length(), text.length() - 1));
        } catch (RuntimeException notOfItsShape) {
            // stored members the declaration cannot write (a seeded value of another type): the declared ones as stored
            List<String> names = shape.memberNames();
            Map<String, Object> declared = new LinkedHashMap<>();
            members.forEach((name, value) -> {
                if (names.isEmpty() || names.contains(name)) {
                    declared.put(name, value);
                }
            });
            ItemShape.PLAIN.write(json, declared);
        }
    }

    private static boolean matches(String needle, String... values) {
        if (needle.isEmpty()) {
            return true;
        }
        for (String value : values) {
            if (value != null && value.toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    /** A stored member as text: times as the API writes them, lists of scalars joined by commas. */
    private static String text(Object value) {
        if (value instanceof Instant instant) {
            return Json.timestamp(instant);
        }
        if (value instanceof Collection<?> items && items.stream().noneMatch(item -> item instanceof Map)) {
            return items.stream().map(StateBrowser::text).collect(Collectors.joining(", "));
        }
        return Objects.toString(value, "");
    }

    private static void writeStrings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}

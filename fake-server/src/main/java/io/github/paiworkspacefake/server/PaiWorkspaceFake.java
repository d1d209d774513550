package io.github.paiworkspacefake.server;

import io.github.paiworkspacefake.server.internal.console.RequestBrowser;
import io.github.paiworkspacefake.server.internal.console.StateBrowser;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.ChangeSink;
import io.github.paiworkspacefake.server.internal.domain.CreateMemberRequest;
import io.github.paiworkspacefake.server.internal.domain.FakeState;
import io.github.paiworkspacefake.server.internal.domain.FaultSchedule;
import io.github.paiworkspacefake.server.internal.domain.InMemoryWorkspaceStore;
import io.github.paiworkspacefake.server.internal.domain.ListMembersRequest;
import io.github.paiworkspacefake.server.internal.domain.MemberService;
import io.github.paiworkspacefake.server.internal.domain.RequestJournal;
import io.github.paiworkspacefake.server.internal.domain.StateLock;
import io.github.paiworkspacefake.server.internal.domain.StateSnapshot;
import io.github.paiworkspacefake.server.internal.domain.UpdateWorkspaceRequest;
import io.github.paiworkspacefake.server.internal.domain.UserDirectory;
import io.github.paiworkspacefake.server.internal.domain.WorkspaceIds;
import io.github.paiworkspacefake.server.internal.domain.WorkspaceMembers;
import io.github.paiworkspacefake.server.internal.domain.WorkspaceService;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.domain.resources.Resources;
import io.github.paiworkspacefake.server.internal.domain.settings.Offerings;
import io.github.paiworkspacefake.server.internal.domain.settings.RoleJobs;
import io.github.paiworkspacefake.server.internal.durable.DataDirectory;
import io.github.paiworkspacefake.server.internal.durable.DurableChanges;
import io.github.paiworkspacefake.server.internal.http.AddressRange;
import io.github.paiworkspacefake.server.internal.http.AdminControls;
import io.github.paiworkspacefake.server.internal.http.AdminHttpApi;
import io.github.paiworkspacefake.server.internal.http.FakeHttpApi;
import io.github.paiworkspacefake.server.internal.http.FakeHttpServer;
import io.github.paiworkspacefake.server.internal.signature.Authenticator;
import io.github.paiworkspacefake.server.internal.signature.SignatureVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.jetty.server.ServerConnector;

/**
 * An in-memory fake of the PAI Workspace API (2021-02-04) on a local HTTP port. It answers the workspace and member
 * operations ({@link Operation}) as the real service does, and gives test code a typed way to seed, inspect and
 * control what it stores.
 *
 * <pre>{@code
 * try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
 *     String url = fake.baseUrl(); // http://127.0.0.1:<port>
 * }
 * }</pre>
 *
 * <p>Misuse is reported with one exception type per kind, on every method of this class and its builder:
 * <ul>
 *   <li>{@link NullPointerException}: a required argument is null;</li>
 *   <li>{@link IllegalArgumentException}: an argument is invalid (a setting out of range, an unknown workspace id, a
 *       seed file or snapshot that cannot be stored; the message names the problem);</li>
 *   <li>{@link IllegalStateException}: the call does not fit the fake's state (starting twice, asking for the port
 *       before {@link #start()}, a port already in use, a seed whose name or id is already stored).</li>
 * </ul>
 */
public final class PaiWorkspaceFake implements AutoCloseable {

    /** The region a fake serves unless told otherwise. */
    public static final String DEFAULT_REGION_ID = "cn-hangzhou";
    /** The address a fake binds to unless told otherwise: loopback only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The AccessKeyId {@link #accessKeyId()} reports while signatures are off, when any credentials are accepted. */
    public static final String DEFAULT_ACCESS_KEY_ID = "LTAI5tFakeAccessKeyId";
    /** The AccessKeySecret {@link #accessKeySecret()} reports while signatures are off. */
    public static final String DEFAULT_ACCESS_KEY_SECRET = "FakeAccessKeySecret";

    private final String host;
    private final int requestedPort;
    private final String regionId;
    private final Account account;
    private final boolean logRequests;
    private final Map<String, SignatureVerifier.Credential> accessKeys;
    private final Clock clock;
    /** How many workspaces a fake holds unless told otherwise. */
    public static final int DEFAULT_MAX_WORKSPACES = 100_000;

    private final boolean lenient;
    private final Set<Operation> withheld;
    private final WorkspaceService service;
    private final MemberService members;
    private final FakeState state;
    private final Models models;
    private final UserDirectory users;
    /** Where the state is kept across restarts, or null: then nothing touches the disk. */
    private final DataDirectory dataDirectory;

    private final RequestJournal journal = new RequestJournal();
    private final FaultSchedule faultSchedule = new FaultSchedule();
    private final Faults faults = new Faults(faultSchedule);
    private final Experiments experiments;
    private final Images images;
    private final boolean adminApi;
    private final List<AddressRange> adminAllow;
    private final Settings settings = new Settings();
    private final InstanceJobs instanceJobs = new InstanceJobs(settings);
    private final Products products = new Products(settings);
    private final Quotas quotas = new Quotas(settings);
    private final Features features = new Features(settings);
    private ServerConnector connector;
    private boolean closed;

    private PaiWorkspaceFake(Builder builder) {
        this.host = builder.host;
        this.requestedPort = builder.port;
        this.regionId = builder.regionId;
        this.account = builder.account;
        this.logRequests = builder.logRequests;
        this.clock = builder.clock;
        this.adminApi = builder.adminApi;
        this.adminAllow = List.copyOf(builder.adminAllow);
        this.accessKeys = new LinkedHashMap<>();
        DurableChanges durable = builder.dataDirectory == null ? null : new DurableChanges();
        ChangeSink changes = durable == null ? ChangeSink.NONE : durable;
        this.users = new UserDirectory(changes);
        builder.accessKeys.forEach((id, key) -> {
            Account keyAccount = key.user() != null
                    ? builder.accountOf(key.user().accountId())
                    : key.account() == null ? builder.account : key.account();
            String userId = key.user() != null
                    ? key.user().userId()
                    : key.userId() != null ? key.userId() : keyAccount.accountId();
            accessKeys.put(id, new SignatureVerifier.Credential(key.secret(), keyAccount, userId));
            if (key.user() != null && !key.user().isAccount()) {
                users.add(key.user());
            }
        });
        this.lenient = builder.lenient;
        this.withheld = Set.copyOf(builder.withheld);
        WorkspaceMembers workspaceMembers = new WorkspaceMembers(changes);
        StateLock lock = new StateLock(changes);
        this.service = new WorkspaceService(
                lock,
                new InMemoryWorkspaceStore(builder.maxWorkspaces, changes),
                workspaceMembers,
                users,
                builder.clock,
                new WorkspaceIds(builder.idGenerator, changes),
                builder.account,
                builder.initialStatus);
        this.members = new MemberService(service, workspaceMembers, users);
        this.state = new FakeState(
                lock, service, members, users, new Resources(builder.clock, changes), builder.clock, builder.account);
        this.models = new Models(state);
        this.experiments = new Experiments(state);
        this.images = new Images(state);
        if (!builder.officialImages.isEmpty()) {
            state.baseline(images.stored(builder.officialImages));
        }
        this.dataDirectory = durable == null ? null : DataDirectory.open(builder.dataDirectory, state, durable);
    }

    /** Starts configuring a fake; every setting has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port and starts answering requests; returns this fake. A fake starts once. */
    public synchronized PaiWorkspaceFake start() {
        if (connector != null || closed) {
            throw new IllegalStateException("A PaiWorkspaceFake starts once; build a new one instead.");
        }
        Authenticator authenticator = accessKeys.isEmpty()
                ? Authenticator.anyRequestAs(account)
                : verifier(new SignatureVerifier(accessKeys, clock));
        FakeHttpApi api = new FakeHttpApi(
                state,
                authenticator,
                regionId,
                journal,
                faultSchedule,
                clock,
                adminApi ? new AdminHttpApi(new Controls(), adminAllow) : null,
                logRequests,
                lenient,
                withheld);
        connector = FakeHttpServer.shared().open(api, host, requestedPort);
        return this;
    }

    private static Authenticator verifier(SignatureVerifier verifier) {
        return request -> verifier.verify(request.get());
    }

    /**
     * Stops answering and releases the port, and the data directory if it has one (its state is on disk already).
     * Safe to call more than once.
     */
    @Override
    public synchronized void close() {
        closed = true;
        try {
            if (connector != null && connector.isRunning()) {
                FakeHttpServer.shared().close(connector);
            }
        } finally {
            if (dataDirectory != null) {
                dataDirectory.close();
            }
        }
    }

    /** The data directory this fake keeps its state in ({@link Builder#dataDirectory(Path)}), if any. */
    public Optional<Path> dataDirectory() {
        return Optional.ofNullable(dataDirectory).map(DataDirectory::path);
    }

    /**
     * Whether this fake started with state its data directory held from an earlier run; false without a data
     * directory, or when the directory was new (or empty). The standalone jar loads its {@code --seed} only when false.
     */
    public boolean resumed() {
        return dataDirectory != null && dataDirectory.resumed();
    }

    /** The port the fake listens on, chosen by the system when the builder asked for port 0. */
    public synchronized int port() {
        if (connector == null) {
            throw new IllegalStateException("The fake has not been started.");
        }
        return connector.getLocalPort();
    }

    /** The URL to send requests to, such as {@code http://127.0.0.1:51234}. */
    public String baseUrl() {
        return "http://" + endpoint();
    }

    /** The endpoint for the official SDK's {@code Config.setEndpoint}, such as {@code 127.0.0.1:51234}. */
    public String endpoint() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return shownHost + ":" + port();
    }

    /** The region this fake serves; names are unique per account within it. */
    public String regionId() {
        return regionId;
    }

    /** The account requests act as while signatures are off, and the owner of seeds that name no other. */
    public Account account() {
        return account;
    }

    /**
     * Whether a parameter the fake knows but does not honour is ignored (lenient) rather than refused with
     * {@code 400 UnsupportedParameter}; see {@link Builder#lenient(boolean)}.
     */
    public boolean lenient() {
        return lenient;
    }

    /** Whether requests must carry a valid V3 signature of a configured AccessKey (strict mode). */
    public boolean requiresSignatures() {
        return !accessKeys.isEmpty();
    }

    /** The AccessKeyId to configure clients with: the first configured key, or {@link #DEFAULT_ACCESS_KEY_ID}. */
    public String accessKeyId() {
        return accessKeys.keySet().stream().findFirst().orElse(DEFAULT_ACCESS_KEY_ID);
    }

    /** The secret of {@link #accessKeyId()}: the first configured key's, or {@link #DEFAULT_ACCESS_KEY_SECRET}. */
    public String accessKeySecret() {
        return accessKeys.values().stream()
                .findFirst()
                .map(SignatureVerifier.Credential::secret)
                .orElse(DEFAULT_ACCESS_KEY_SECRET);
    }

    /**
     * Stores a workspace directly, as if created through the API but without its validation. Unset fields of
     * the seed are filled in: a new id (never one in use), the fake's account, clock and initial status. A name its
     * owner already uses, or an id already stored, is refused with an {@link IllegalStateException}.
     */
    public Workspace addWorkspace(WorkspaceSeed seed) {
        try {
            return service.insert(seed);
        } catch (ApiException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Makes a stored workspace its owner's default workspace, replacing any earlier default. */
    public Workspace makeDefault(String workspaceId) {
        return service.makeDefault(workspaceId).orElseThrow(() -> unknown(workspaceId));
    }

    /** The default workspace of the fake's account, if it has one. */
    public Optional<Workspace> defaultWorkspace() {
        return service.defaultWorkspace(account.accountId());
    }

    /** The stored workspace with this id, whoever owns it, as a read through the API would show it now. */
    public Optional<Workspace> workspace(String workspaceId) {
        return service.find(workspaceId);
    }

    /** Every stored workspace, oldest first, as reads through the API would show them now. */
    public List<Workspace> workspaces() {
        return service.all();
    }

    /**
     * The workspaces {@code account} would list, oldest first: what ListWorkspaces answers that account without
     * filters, all on one page.
     */
    public List<Workspace> workspaces(Account account) {
        Objects.requireNonNull(account, "account");
        return service.all().stream()
                .filter(w -> w.owner().accountId().equals(account.accountId()))
                .toList();
    }

    /**
     * Changes a stored workspace's DisplayName and Description as UpdateWorkspace does (without its validation);
     * a null argument keeps the current value, and GmtModifiedTime advances.
     */
    public Workspace updateWorkspace(String workspaceId, String displayName, String description) {
        Workspace current = workspace(workspaceId).orElseThrow(() -> unknown(workspaceId));
        return service.update(
                current.owner(),
                workspaceId,
                new UpdateWorkspaceRequest(Optional.ofNullable(description), Optional.ofNullable(displayName)));
    }

    /**
     * Deletes a stored workspace at once, whoever owns it and however deletions are delayed; its name is free again
     * and, if it was its owner's default, the owner has none. Returns the deleted workspace.
     */
    public Workspace deleteWorkspace(String workspaceId) {
        return service.remove(workspaceId).orElseThrow(() -> unknown(workspaceId));
    }

    /**
     * Makes DeleteWorkspace calls accepted from now on take effect only after {@code reads} further GetWorkspace
     * reads of the workspace: until then it is still found, listed and keeps its name, as an asynchronous deletion
     * would look to a poller such as Terraform's. 0 (the default, also after {@link #reset()}) deletes at once.
     */
    public void deleteAfterReads(int reads) {
        if (reads < 0) {
            throw new IllegalArgumentException("reads must not be negative");
        }
        service.deleteAfterReads(reads);
    }

    /**
     * Makes DeleteWorkspace calls accepted from now on take effect once the fake's clock has moved on by
     * {@code delay}; {@link Duration#ZERO} deletes at once.
     */
    public void deleteAfter(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        service.deleteAfter(delay);
    }

    /**
     * Adds a RAM user to an account, so it can be made a workspace member (CreateMember) and is listed by
     * ListWorkspaceUsers; a user with the same id is replaced. Every account already has its own user, whose
     * {@code UserId} is the account id.
     */
    public User addUser(Account account, String userId, String userName) {
        User user = new User(Objects.requireNonNull(account, "account").accountId(), userId, userName, userName);
        users.add(user);
        return user;
    }

    /** {@link #addUser(Account, String, String)} for the fake's own account. */
    public User addUser(String userId, String userName) {
        return addUser(account, userId, userName);
    }

    /** The users of an account: its own user first, then the RAM users added to it. */
    public List<User> users(Account account) {
        return users.users(Objects.requireNonNull(account, "account"));
    }

    /** The members of a stored workspace in the order they joined: its creator first, as PAI.WorkspaceOwner. */
    public List<Member> members(String workspaceId) {
        Workspace workspace = workspace(workspaceId).orElseThrow(() -> unknown(workspaceId));
        return members.list(workspace.owner(), workspaceId, ListMembersRequest.all())
                .items();
    }

    /**
     * Makes a user of the workspace's account its member with these roles, as CreateMember does (its checks
     * included: a known user, not a member yet, documented roles); returns the new member.
     */
    public Member addMember(String workspaceId, String userId, String... roles) {
        Workspace workspace = workspace(workspaceId).orElseThrow(() -> unknown(workspaceId));
        try {
            return members.create(workspace.owner(), workspaceId, CreateMemberRequest.of(userId, List.of(roles)))
                    .get(0);
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Changes a stored workspace's {@code Status}, for example to drive code that waits for ENABLED. */
    public Workspace setStatus(String workspaceId, WorkspaceStatus status) {
        Objects.requireNonNull(status, "status");
        return service.changeStatus(workspaceId, status).orElseThrow(() -> unknown(workspaceId));
    }

    /**
     * Puts a stored workspace in INITIALIZING; it turns ENABLED after {@code reads} GetWorkspace or
     * GetDefaultWorkspace answers about it, for testing code that polls until a workspace is ready.
     */
    public Workspace enableAfterReads(String workspaceId, int reads) {
        if (reads < 0) {
            throw new IllegalArgumentException("reads must not be negative");
        }
        return service.enableAfterReads(workspaceId, reads).orElseThrow(() -> unknown(workspaceId));
    }

    /** Puts a stored workspace in INITIALIZING; it turns ENABLED once the fake's clock has moved on by {@code delay}. */
    public Workspace enableAfter(String workspaceId, Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        return service.enableAfter(workspaceId, delay).orElseThrow(() -> unknown(workspaceId));
    }

    /**
     * Adds the workspaces of a seed file or snapshot (the format is in the README, "Seed files and snapshots"),
     * marking the default ones, all at once or not at all. The whole document is checked first, also against what
     * is stored (ids, names per account, one default per account, the capacity); a problem is reported as an
     * {@link IllegalArgumentException} naming the member at fault, and then nothing changes.
     */
    public PaiWorkspaceFake load(String json) {
        state.load(StateSnapshot.read(json), false);
        return this;
    }

    /**
     * {@link #load(String)} from a UTF-8 stream (a classpath resource, say), read entry by entry: a large seed is never
     * held whole in memory as text. The stream is read to its end and closed; a failure to read it is an
     * {@link UncheckedIOException}.
     */
    public PaiWorkspaceFake load(InputStream json) {
        state.load(StateSnapshot.read(json), false);
        return this;
    }

    /**
     * {@link #load(String)} from a UTF-8 file, read as a stream (a large file is never held whole in memory as text);
     * the message of a failure names the file.
     */
    public PaiWorkspaceFake load(Path file) {
        StateSnapshot.Document document;
        try (InputStream in = Files.newInputStream(file)) {
            document = StateSnapshot.read(in);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read seed file " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid seed file " + file + ": " + e.getMessage(), e);
        }
        try {
            state.load(document, false);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid seed file " + file + ": " + e.getMessage(), e);
        }
        return this;
    }

    /**
     * The whole state, every account's workspaces, default marks, users, members and resources, and where the id
     * sequences stand, in the format {@link #load(String)} reads.
     */
    public String snapshot() {
        return StateSnapshot.write(state.view().contents());
    }

    /** The model registry: register models with versions and read them back (docs/models.md). */
    public Models models() {
        return models;
    }

    /**
     * The datasets: add datasets with versions and PAI public datasets, read them back, and set the status of dataset
     * jobs, which the fake never runs.
     */
    public Datasets datasets() {
        return new Datasets(state, account);
    }

    /** The experiments, runs and logged metrics stored (CreateExperiment, CreateRun, LogRunMetrics), for reading. */
    public Experiments experiments() {
        return experiments;
    }

    /** The images stored, official images to seed, and the image builds to end. */
    public Images images() {
        return images;
    }

    /** How the jobs of custom workspace roles run (at once, by default), and their state. */
    public InstanceJobs instanceJobs() {
        return instanceJobs;
    }

    /** The products and services of the fake's account (all purchased and open by default), and the orders placed. */
    public Products products() {
        return products;
    }

    /** The resource quotas of the fake's account (none by default). */
    public Quotas quotas() {
        return quotas;
    }

    /** The features enabled for the fake's account (none by default). */
    public Features features() {
        return features;
    }

    /** Faults on demand: failed, slow or dropped calls of chosen operations. */
    public Faults faults() {
        return faults;
    }

    /** Every request received, oldest first (the latest 10,000), with secrets masked. */
    public List<RecordedRequest> requests() {
        return journal.all();
    }

    /** The requests received for one operation, oldest first. */
    public List<RecordedRequest> requests(Operation operation) {
        return journal.all().stream()
                .filter(request -> request.operation() == operation)
                .toList();
    }

    /** Forgets the requests received so far. */
    public void clearRequests() {
        journal.clear();
    }

    /**
     * Forgets every workspace, default workspace and pending lifecycle, and every resource (datasets, experiments,
     * images, ...) but the official images given to the builder (in one step: a request in flight lands wholly before
     * or wholly after it), clears faults and the request journal; the fake keeps running on the same port. New ids
     * continue the sequence, they do not start again.
     */
    public void reset() {
        state.clear();
        faults.clear();
        journal.clear();
    }

    /** The fake's own account, then the others its access keys act as. */
    private List<Account> configuredAccounts() {
        List<Account> accounts = new ArrayList<>();
        accounts.add(account);
        accessKeys.values().stream()
                .map(SignatureVerifier.Credential::account)
                .filter(other ->
                        accounts.stream().noneMatch(known -> known.accountId().equals(other.accountId())))
                .forEach(accounts::add);
        return accounts;
    }

    private static IllegalArgumentException unknown(String workspaceId) {
        return new IllegalArgumentException("No workspace with id " + workspaceId + " is stored.");
    }

    /** The workspace-settings families' test controls: the typed API's classes reach the fake's state through it. */
    private final class Settings implements InstanceJobs.Control, Products.Control, Quotas.Control, Features.Control {

        private <T> T locked(Supplier<T> action) {
            return state.lock().shared(action);
        }

        @Override
        public void atOnce() {
            RoleJobs.policy(state, RoleJobs.JobPolicy.AT_ONCE);
        }

        @Override
        public void afterReads(int reads) {
            RoleJobs.policy(state, new RoleJobs.JobPolicy(RoleJobs.JobPolicy.Mode.AFTER_READS, reads, Duration.ZERO));
        }

        @Override
        public void after(Duration delay) {
            RoleJobs.policy(state, new RoleJobs.JobPolicy(RoleJobs.JobPolicy.Mode.AFTER_DELAY, 0, delay));
        }

        @Override
        public void hold() {
            RoleJobs.policy(state, new RoleJobs.JobPolicy(RoleJobs.JobPolicy.Mode.HELD, 0, Duration.ZERO));
        }

        @Override
        public InstanceJob end(String instanceJobId, boolean success, String reason) {
            return locked(() -> job(RoleJobs.end(state, instanceJobId, success, reason)));
        }

        @Override
        public List<InstanceJob> jobs() {
            return locked(
                    () -> RoleJobs.allJobs(state).stream().map(Settings::job).toList());
        }

        private static InstanceJob job(Resource job) {
            return new InstanceJob(
                    job.id(),
                    job.text("Type").orElse(""),
                    job.text("InstanceId").orElse(""),
                    job.workspaceId(),
                    job.text("Status").orElse(""),
                    job.text("ReasonMessage").orElse(""));
        }

        @Override
        public void product(String productCode, boolean purchased, boolean hasPermissionToPurchase) {
            locked(() ->
                    Offerings.setProduct(state, account.accountId(), productCode, purchased, hasPermissionToPurchase));
        }

        @Override
        public void service(String serviceCode, boolean open) {
            locked(() -> Offerings.setService(state, account.accountId(), serviceCode, open));
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<ProductOrder> orders() {
            return locked(() -> Offerings.orders(state).stream()
                    .map(order -> new ProductOrder(
                            order.id(),
                            order.accountId(),
                            (List<String>) order.fields().getOrDefault("ProductCodes", List.of()),
                            Boolean.TRUE.equals(order.field("Paid"))))
                    .toList());
        }

        @Override
        public Quota add(Quota quota) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("Name", quota.name());
            fields.put("DisplayName", quota.displayName());
            fields.put("Mode", quota.mode());
            fields.put("ProductCode", quota.productCode());
            fields.put("QuotaType", quota.quotaType());
            fields.put("CardType", quota.cardType());
            List<Map<String, Object>> specs = new ArrayList<>();
            quota.specs().forEach((name, value) -> {
                Map<String, Object> spec = new LinkedHashMap<>();
                spec.put("Name", name);
                spec.put("Value", value);
                specs.add(spec);
            });
            fields.put("Specs", specs);
            try {
                return locked(() -> quota(Offerings.addQuota(state, account.accountId(), quota.id(), fields)));
            } catch (ApiException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }

        @Override
        public List<Quota> all() {
            return locked(() -> Offerings.quotas(state, account.accountId()).stream()
                    .map(Settings::quota)
                    .toList());
        }

        @SuppressWarnings("unchecked")
        private static Quota quota(Resource quota) {
            Map<String, String> specs = new LinkedHashMap<>();
            for (Map<String, Object> spec :
                    (List<Map<String, Object>>) quota.fields().getOrDefault("Specs", List.of())) {
                specs.put(String.valueOf(spec.get("Name")), String.valueOf(spec.get("Value")));
            }
            return new Quota(
                    quota.id(),
                    quota.text("Name").orElse(""),
                    quota.text("DisplayName").orElse(null),
                    quota.text("Mode").orElse(null),
                    quota.text("ProductCode").orElse(null),
                    quota.text("QuotaType").orElse(null),
                    quota.text("CardType").orElse(null),
                    specs);
        }

        @Override
        public void set(String name, boolean enabled) {
            locked(() -> {
                Offerings.feature(state, account.accountId(), name, enabled);
                return null;
            });
        }

        @Override
        public List<String> enabled() {
            return locked(() -> Offerings.features(state, account.accountId()));
        }
    }

    /** What the admin API may do to this fake: its test controls, not the fake itself. */
    private final class Controls implements AdminControls {
        private final StateBrowser stateBrowser =
                new StateBrowser(state, regionId, configuredAccounts(), requiresSignatures(), lenient);
        private final RequestBrowser requestBrowser = new RequestBrowser(journal);

        @Override
        public Account account() {
            return account;
        }

        @Override
        public void reset() {
            PaiWorkspaceFake.this.reset();
        }

        @Override
        public Faults faults() {
            return faults;
        }

        @Override
        public List<RecordedRequest> requests() {
            return PaiWorkspaceFake.this.requests();
        }

        @Override
        public List<RecordedRequest> requests(Operation operation) {
            return PaiWorkspaceFake.this.requests(operation);
        }

        @Override
        public void clearRequests() {
            journal.clear();
        }

        @Override
        public Optional<Workspace> workspace(String workspaceId) {
            return service.find(workspaceId);
        }

        @Override
        public List<Workspace> workspaces() {
            return service.all();
        }

        @Override
        public Workspace setStatus(String workspaceId, WorkspaceStatus status) {
            return PaiWorkspaceFake.this.setStatus(workspaceId, status);
        }

        @Override
        public Workspace enableAfterReads(String workspaceId, int reads) {
            return PaiWorkspaceFake.this.enableAfterReads(workspaceId, reads);
        }

        @Override
        public Workspace enableAfter(String workspaceId, Duration delay) {
            return PaiWorkspaceFake.this.enableAfter(workspaceId, delay);
        }

        @Override
        public void deleteAfterReads(int reads) {
            PaiWorkspaceFake.this.deleteAfterReads(reads);
        }

        @Override
        public void deleteAfter(Duration delay) {
            PaiWorkspaceFake.this.deleteAfter(delay);
        }

        @Override
        public User addUser(Account owner, String userId, String userName) {
            return PaiWorkspaceFake.this.addUser(owner, userId, userName);
        }

        @Override
        public Optional<Workspace> makeDefault(String workspaceId) {
            return service.makeDefault(workspaceId);
        }

        @Override
        public List<FaultSchedule.Pending> pendingFaults() {
            return faultSchedule.pending();
        }

        @Override
        public StateBrowser stateBrowser() {
            return stateBrowser;
        }

        @Override
        public RequestBrowser requestBrowser() {
            return requestBrowser;
        }

        @Override
        public Images images() {
            return images;
        }

        @Override
        public void writeSnapshot(OutputStream out) throws IOException {
            StateSnapshot.write(out, state.view().contents());
        }

        @Override
        public void setDatasetJobStatus(String datasetId, String datasetJobId, DatasetJobStatus status) {
            datasets().setJobStatus(datasetId, datasetJobId, status);
        }

        @Override
        public void restore(InputStream json) {
            state.load(StateSnapshot.read(json), true);
        }

        @Override
        public InstanceJobs instanceJobs() {
            return instanceJobs;
        }

        @Override
        public Products products() {
            return products;
        }

        @Override
        public Quotas quotas() {
            return quotas;
        }

        @Override
        public Features features() {
            return features;
        }
    }

    /** Settings of a {@link PaiWorkspaceFake}. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port;
        private String regionId = DEFAULT_REGION_ID;
        private Account account = Account.DEFAULT;
        private Clock clock = Clock.systemUTC();
        private Supplier<String> idGenerator;
        private WorkspaceStatus initialStatus = WorkspaceStatus.ENABLED;
        private boolean logRequests;
        private final Map<String, AccessKey> accessKeys = new LinkedHashMap<>();
        private int maxWorkspaces = DEFAULT_MAX_WORKSPACES;
        private boolean adminApi;
        private boolean lenient;
        private Path dataDirectory;
        private final Set<Operation> withheld = new HashSet<>();
        private final List<AddressRange> adminAllow = new ArrayList<>();
        private final List<OfficialImage> officialImages = new ArrayList<>();

        private record AccessKey(String secret, Account account, User user, String userId) {}

        private Builder() {}

        /**
         * Accepts requests signed with this AccessKey pair, acting as the fake's {@link #account(Account) account}.
         * Any configured key turns strict mode on: then every request needs a valid V3 signature.
         */
        public Builder accessKey(String accessKeyId, String accessKeySecret) {
            return addAccessKey(accessKeyId, accessKeySecret, null, null, null);
        }

        /** Accepts requests signed with this AccessKey pair as acting for {@code account}; turns strict mode on. */
        public Builder accessKey(String accessKeyId, String accessKeySecret, Account account) {
            return addAccessKey(accessKeyId, accessKeySecret, Objects.requireNonNull(account, "account"), null, null);
        }

        /**
         * Accepts requests signed with this AccessKey pair as acting for {@code user} of its account, as a RAM user's
         * AccessKey does; turns strict mode on. What such requests create records the user as its creator
         * ({@code UserId}), and what the user may see and change follows the user's roles in each workspace (see
         * docs/models.md). The user is added to its account's users, as {@link PaiWorkspaceFake#addUser} adds one,
         * so that it can be made a member; the account is the fake's own when the ids match, otherwise the one another
         * key names, otherwise one whose user name is its id.
         */
        public Builder accessKey(String accessKeyId, String accessKeySecret, User user) {
            return addAccessKey(accessKeyId, accessKeySecret, null, Objects.requireNonNull(user, "user"), null);
        }

        /**
         * Accepts requests signed with this AccessKey pair of the RAM user {@code userId} of {@code account}: they act
         * for the account, as the account's own key would, and what depends on the person (ListPermissions and
         * GetPermission answer from that user's roles in the workspace) is the user's. Add the user with
         * {@link PaiWorkspaceFake#addUser(Account, String, String)}; turns strict mode on.
         */
        public Builder accessKey(String accessKeyId, String accessKeySecret, Account account, String userId) {
            Objects.requireNonNull(account, "account");
            if (userId == null || userId.isBlank()) {
                throw new IllegalArgumentException("a RAM user's AccessKey needs the user's id");
            }
            return addAccessKey(accessKeyId, accessKeySecret, account, null, userId);
        }

        private Builder addAccessKey(
                String accessKeyId, String accessKeySecret, Account account, User user, String userId) {
            if (accessKeyId == null || accessKeyId.isBlank() || accessKeySecret == null || accessKeySecret.isEmpty()) {
                throw new IllegalArgumentException("an AccessKey needs a non-empty id and secret");
            }
            accessKeys.put(accessKeyId, new AccessKey(accessKeySecret, account, user, userId));
            return this;
        }

        /** The account with this id as the settings know it: the fake's own, one a key names, or a new one. */
        private Account accountOf(String accountId) {
            if (account.accountId().equals(accountId)) {
                return account;
            }
            return accessKeys.values().stream()
                    .map(AccessKey::account)
                    .filter(Objects::nonNull)
                    .filter(known -> known.accountId().equals(accountId))
                    .findFirst()
                    .orElseGet(() -> Account.of(accountId, accountId));
        }

        /**
         * Answers these operations {@code 501 NotImplemented}, as an operation of the catalogue that no family serves
         * would be answered: for this project's tests of that answer, now that every operation is served.
         */
        Builder withholding(Operation... operations) {
            withheld.addAll(Arrays.asList(operations));
            return this;
        }

        /** The port to listen on; 0 (the default) lets the system choose a free one. */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535, got " + value);
            }
            this.port = value;
            return this;
        }

        /** The address to bind; {@code 127.0.0.1} by default. */
        public Builder host(String value) {
            this.host = Objects.requireNonNull(value, "host");
            return this;
        }

        /** The region id the fake serves, reported in error bodies' HostId; {@code cn-hangzhou} by default. */
        public Builder regionId(String value) {
            this.regionId = Objects.requireNonNull(value, "regionId");
            return this;
        }

        /** The account requests act as; {@link Account#DEFAULT} by default. */
        public Builder account(Account value) {
            this.account = Objects.requireNonNull(value, "account");
            return this;
        }

        /** The clock for GmtCreateTime and GmtModifiedTime; the system UTC clock by default. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Where new WorkspaceIds come from; by default a per-fake sequence of numeric strings from {@code 100001}
         * that continues after every numeric id stored. An id already in use is skipped, whichever source it is from.
         */
        public Builder idGenerator(Supplier<String> value) {
            this.idGenerator = Objects.requireNonNull(value, "idGenerator");
            return this;
        }

        /** The Status new workspaces get; ENABLED by default. */
        public Builder initialStatus(WorkspaceStatus value) {
            this.initialStatus = Objects.requireNonNull(value, "initialStatus");
            return this;
        }

        /** Whether to log one line per request (logger {@code io.github.paiworkspacefake.requests}); off by default. */
        public Builder logRequests(boolean value) {
            this.logRequests = value;
            return this;
        }

        /**
         * How many workspaces the fake holds at most, across accounts; one more CreateWorkspace is answered
         * {@code 400 QuotaExceeded.Workspace}. {@value PaiWorkspaceFake#DEFAULT_MAX_WORKSPACES} by default.
         */
        public Builder maxWorkspaces(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxWorkspaces must be positive, got " + value);
            }
            this.maxWorkspaces = value;
            return this;
        }

        /** Serves the admin API under {@code /__admin} to loopback clients (and {@link #adminAllow}'s); off by default. */
        public Builder adminApi(boolean value) {
            this.adminApi = value;
            return this;
        }

        /**
         * Also lets clients from this address block use the admin API, for example {@code 172.16.0.0/12} for the
         * host of a Docker container; CIDR notation, or a single address. Loopback clients always may. Repeatable.
         */
        public Builder adminAllow(String cidr) {
            this.adminAllow.add(AddressRange.parse(cidr));
            return this;
        }

        /**
         * Whether a request parameter that the API declares but the fake does not honour (docs/coverage.md names
         * them) is ignored instead of refused with {@code 400 UnsupportedParameter}; off by default, so that a test
         * never passes on an answer that ignored what it asked for.
         */
        public Builder lenient(boolean value) {
            this.lenient = value;
            return this;
        }

        /**
         * Keeps the fake's state in this directory across restarts (off by default: then the fake is purely in memory
         * and nothing touches the disk). {@link #build()} takes the directory for this fake alone (a lock; a second
         * fake or process on it is refused), creates it when missing and loads the state it holds; from then on every
         * change is on disk before it is answered, and {@link PaiWorkspaceFake#close()} releases it. Faults, the request
         * journal and pending lifecycles and delayed deletions are not kept. docs/persistence.md has the format, the
         * guarantees and recovery; a directory that cannot be used fails {@code build()} with an
         * {@link IllegalStateException} that says what is wrong.
         */
        public Builder dataDirectory(Path value) {
            this.dataDirectory = Objects.requireNonNull(value, "dataDirectory");
            return this;
        }

        /**
         * Official images the fake holds from the start, and again after every {@link PaiWorkspaceFake#reset()}
         * (for example {@link OfficialImage#examples()}); none by default. Repeatable; an invalid or repeated
         * ImageId fails {@link #build()}.
         */
        public Builder officialImages(Collection<OfficialImage> images) {
            images.forEach(image -> officialImages.add(Objects.requireNonNull(image, "image")));
            return this;
        }

        /** The configured fake, not yet started. */
        public PaiWorkspaceFake build() {
            return new PaiWorkspaceFake(this);
        }
    }
}

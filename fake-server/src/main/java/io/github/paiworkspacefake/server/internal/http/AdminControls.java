package io.github.paiworkspacefake.server.internal.http;

import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.DatasetJobStatus;
import io.github.paiworkspacefake.server.Faults;
import io.github.paiworkspacefake.server.Features;
import io.github.paiworkspacefake.server.Images;
import io.github.paiworkspacefake.server.InstanceJobs;
import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.Products;
import io.github.paiworkspacefake.server.Quotas;
import io.github.paiworkspacefake.server.RecordedRequest;
import io.github.paiworkspacefake.server.User;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.WorkspaceStatus;
import io.github.paiworkspacefake.server.internal.console.RequestBrowser;
import io.github.paiworkspacefake.server.internal.console.StateBrowser;
import io.github.paiworkspacefake.server.internal.domain.FaultSchedule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The test controls the admin API drives: what it may do to one fake, and nothing else of it. */
public interface AdminControls {

    /** The account requests act as while signatures are off. */
    Account account();

    /** Forgets every workspace, user, fault and recorded request. */
    void reset();

    /** The faults of this fake. */
    Faults faults();

    /** Every recorded request, oldest first. */
    List<RecordedRequest> requests();

    /** The recorded requests of one operation. */
    List<RecordedRequest> requests(Operation operation);

    /** Forgets the recorded requests. */
    void clearRequests();

    /** The stored workspace with this id. */
    Optional<Workspace> workspace(String workspaceId);

    /** Every stored workspace. */
    List<Workspace> workspaces();

    /** Sets a stored workspace's status. */
    Workspace setStatus(String workspaceId, WorkspaceStatus status);

    /** Puts a workspace in INITIALIZING until it has been read this many times. */
    Workspace enableAfterReads(String workspaceId, int reads);

    /** Puts a workspace in INITIALIZING until the clock has moved on by {@code delay}. */
    Workspace enableAfter(String workspaceId, Duration delay);

    /** Delays the deletions accepted from now on by a number of reads. */
    void deleteAfterReads(int reads);

    /** Delays the deletions accepted from now on by a duration. */
    void deleteAfter(Duration delay);

    /** Adds a RAM user to an account. */
    User addUser(Account account, String userId, String userName);

    /** Makes a stored workspace its owner's default workspace; empty when none has this id. */
    Optional<Workspace> makeDefault(String workspaceId);

    /** The faults waiting for calls. */
    List<FaultSchedule.Pending> pendingFaults();

    /** The console's read-only view of the state. */
    StateBrowser stateBrowser();

    /** The console's view of the request journal. */
    RequestBrowser requestBrowser();

    /** Sets a dataset job's status; an unknown dataset or job is an {@link IllegalArgumentException}. */
    void setDatasetJobStatus(String datasetId, String datasetJobId, DatasetJobStatus status);

    /** The images of this fake: official images to seed, image builds to end. */
    Images images();

    /** Writes the whole state as a snapshot, entry by entry, to {@code out} (left open). */
    void writeSnapshot(OutputStream out) throws IOException;

    /**
     * Replaces the whole state with a snapshot read as a stream, or changes nothing and throws
     * {@link IllegalArgumentException}.
     */
    void restore(InputStream json);

    /** How the jobs of custom workspace roles run. */
    InstanceJobs instanceJobs();

    /** The fake account's products and services, and the orders placed. */
    Products products();

    /** The fake account's quotas. */
    Quotas quotas();

    /** The fake account's features. */
    Features features();
}

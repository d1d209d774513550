package io.github.paiworkspacefake.server;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the jobs of custom workspace roles run, for testing code that waits for them. CreateWorkspaceRole and
 * UpdateWorkspaceRole answer an {@code InstanceJobId}, DeleteWorkspaceRoles starts one too, and the role shows
 * {@code Creating}, {@code Updating} or {@code Deleting} while its job runs. The fake ends every job at once unless
 * told otherwise here; the choice applies to jobs started from then on, and {@link PaiWorkspaceFake#reset()} goes
 * back to ending them at once.
 *
 * <pre>{@code
 * fake.instanceJobs().completeAfterReads(3); // GetInstanceJob reports Creating twice, then Successful
 * fake.instanceJobs().hold();                // jobs run until complete(id) or fail(id, reason)
 * }</pre>
 */
public final class InstanceJobs {

    /** What the fake does for this class. */
    interface Control {
        void atOnce();

        void afterReads(int reads);

        void after(Duration delay);

        void hold();

        InstanceJob end(String instanceJobId, boolean success, String reason);

        List<InstanceJob> jobs();
    }

    private final Control control;

    InstanceJobs(Control control) {
        this.control = control;
    }

    /** Jobs started from now on end at once, successfully: the default. */
    public void completeAtOnce() {
        control.atOnce();
    }

    /**
     * Jobs started from now on succeed once they have been read {@code reads} times (GetInstanceJob of the job, or
     * GetWorkspaceRole of its role).
     */
    public void completeAfterReads(int reads) {
        if (reads < 0) {
            throw new IllegalArgumentException("reads must not be negative");
        }
        control.afterReads(reads);
    }

    /** Jobs started from now on succeed once the fake's clock has moved on by {@code delay}. */
    public void completeAfter(Duration delay) {
        if (Objects.requireNonNull(delay, "delay").isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        control.after(delay);
    }

    /** Jobs started from now on run until {@link #complete(String)} or {@link #fail(String, String)} ends them. */
    public void hold() {
        control.hold();
    }

    /** Ends a running job successfully, with its effect on its role; a job that has ended is left as it is. */
    public InstanceJob complete(String instanceJobId) {
        return control.end(Objects.requireNonNull(instanceJobId, "instanceJobId"), true, "");
    }

    /**
     * Ends a running job as failed, with {@code reason} as its {@code ReasonMessage}: a role being created or updated
     * turns {@code Failed} (an update changes nothing), one being deleted stays.
     */
    public InstanceJob fail(String instanceJobId, String reason) {
        return control.end(
                Objects.requireNonNull(instanceJobId, "instanceJobId"),
                false,
                Objects.requireNonNull(reason, "reason"));
    }

    /** The job of this id, whoever owns it. */
    public Optional<InstanceJob> job(String instanceJobId) {
        return jobs().stream()
                .filter(job -> job.instanceJobId().equals(instanceJobId))
                .findFirst();
    }

    /** Every job of every account, oldest first. */
    public List<InstanceJob> jobs() {
        return control.jobs();
    }
}

package io.github.paiworkspacefake.server.internal.domain;

import io.github.paiworkspacefake.server.Workspace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Workspaces on their way from INITIALIZING to ENABLED: after a number of reads or once the fake's clock passes a
 * time. It also tells how many creation stages a workspace has reached, for GetDefaultWorkspace's Conditions.
 *
 * <p>The methods that change a transition are called by {@link WorkspaceService} from inside the store's atomic
 * update of that workspace, so a transition and the workspace's status always change together.
 */
public final class WorkspaceLifecycle {

    /** The stages GetDefaultWorkspace reports as Conditions, in order. */
    public static final List<String> STAGE_NAMES = List.of("CREATING", "WORKSPACE_CREATED", "MEMBERS_ADDED", "ENABLED");
    /** How many stages there are. */
    public static final int STAGES = STAGE_NAMES.size();

    private record Transition(int readsNeeded, int readsDone, Instant start, Instant due) {

        double progress(Instant now) {
            if (due != null) {
                double total = Duration.between(start, due).toMillis();
                return total <= 0 ? 1 : Math.min(1, Duration.between(start, now).toMillis() / total);
            }
            return readsNeeded == 0 ? 1 : (double) readsDone / readsNeeded;
        }
    }

    private final Map<String, Transition> transitions = new ConcurrentHashMap<>();
    private final Clock clock;

    public WorkspaceLifecycle(Clock clock) {
        this.clock = clock;
    }

    public void enableAfterReads(String workspaceId, int reads) {
        transitions.put(workspaceId, new Transition(reads, 0, clock.instant(), null));
    }

    public void enableAfter(String workspaceId, Duration delay) {
        Instant now = clock.instant();
        transitions.put(workspaceId, new Transition(0, 0, now, now.plus(delay)));
    }

    public void forget(String workspaceId) {
        transitions.remove(workspaceId);
    }

    public void clear() {
        transitions.clear();
    }

    /** The workspaces with a pending transition. */
    public Set<String> pendingIds() {
        return Set.copyOf(transitions.keySet());
    }

    /** Whether a transition is pending for this workspace. */
    public boolean pending(String workspaceId) {
        return transitions.containsKey(workspaceId);
    }

    /**
     * Counts a read of the workspace when its transition waits for reads; true, and the transition is over, when it
     * is complete and the workspace should now be ENABLED.
     */
    public boolean readCompletes(String workspaceId) {
        Transition transition = transitions.get(workspaceId);
        if (transition == null) {
            return false;
        }
        if (transition.due() == null) {
            transition = new Transition(transition.readsNeeded(), transition.readsDone() + 1, transition.start(), null);
            transitions.put(workspaceId, transition);
        }
        return completeIf(workspaceId, transition);
    }

    /** True, and the transition is over, when the workspace's time-driven transition is due on the fake's clock. */
    public boolean timeCompletes(String workspaceId) {
        Transition transition = transitions.get(workspaceId);
        return transition != null && transition.due() != null && completeIf(workspaceId, transition);
    }

    private boolean completeIf(String workspaceId, Transition transition) {
        if (transition.progress(clock.instant()) < 1) {
            return false;
        }
        transitions.remove(workspaceId, transition);
        return true;
    }

    /** How many of the four creation stages a workspace in this status has reached. */
    public int stagesReached(Workspace workspace) {
        return switch (workspace.status()) {
            case INITIALIZING -> {
                Transition transition = transitions.get(workspace.workspaceId());
                yield transition == null
                        ? 2
                        : Math.min(STAGES - 1, 1 + (int) Math.ceil(2 * transition.progress(clock.instant())));
            }
            case FAILURE -> 2;
            default -> STAGES;
        };
    }
}

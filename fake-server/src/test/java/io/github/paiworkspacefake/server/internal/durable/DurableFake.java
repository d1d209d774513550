package io.github.paiworkspacefake.server.internal.durable;

import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.WorkspaceStatus;
import io.github.paiworkspacefake.server.internal.domain.FakeState;
import io.github.paiworkspacefake.server.internal.domain.InMemoryWorkspaceStore;
import io.github.paiworkspacefake.server.internal.domain.MemberService;
import io.github.paiworkspacefake.server.internal.domain.StateLock;
import io.github.paiworkspacefake.server.internal.domain.StateSnapshot;
import io.github.paiworkspacefake.server.internal.domain.UserDirectory;
import io.github.paiworkspacefake.server.internal.domain.WorkspaceIds;
import io.github.paiworkspacefake.server.internal.domain.WorkspaceMembers;
import io.github.paiworkspacefake.server.internal.domain.WorkspaceService;
import io.github.paiworkspacefake.server.internal.domain.resources.Resources;
import java.nio.file.Path;
import java.time.Clock;

/** A fake's state wired as {@code PaiWorkspaceFake} wires it, kept in a data directory: for the durable layer's tests. */
final class DurableFake implements AutoCloseable {

    final FakeState state;
    final DataDirectory directory;

    DurableFake(Path dir) {
        this(dir, DataDirectory.DEFAULT_COMPACTION_BYTES);
    }

    DurableFake(Path dir, long compactionBytes) {
        DurableChanges changes = new DurableChanges();
        Clock clock = Clock.systemUTC();
        UserDirectory users = new UserDirectory(changes);
        WorkspaceMembers members = new WorkspaceMembers(changes);
        StateLock lock = new StateLock(changes);
        WorkspaceService workspaces = new WorkspaceService(
                lock,
                new InMemoryWorkspaceStore(100_000, changes),
                members,
                users,
                clock,
                new WorkspaceIds(null, changes),
                Account.DEFAULT,
                WorkspaceStatus.ENABLED);
        this.state = new FakeState(
                lock,
                workspaces,
                new MemberService(workspaces, members, users),
                users,
                new Resources(clock, changes),
                clock,
                Account.DEFAULT);
        this.directory = DataDirectory.open(dir, state, changes, compactionBytes);
    }

    /** Everything stored, as a snapshot writes it. */
    String snapshot() {
        return StateSnapshot.write(state.view().contents());
    }

    @Override
    public void close() {
        directory.close();
    }
}

package io.github.paiworkspacefake.server.internal.durable;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.paiworkspacefake.server.internal.domain.ChangeSink;
import io.github.paiworkspacefake.server.internal.domain.FakeState;
import io.github.paiworkspacefake.server.internal.domain.Json;
import io.github.paiworkspacefake.server.internal.domain.StateSnapshot;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fake's data directory: the state it loads at start and keeps from then on. One process uses it at a time (an OS
 * lock on its {@code lock} file). It holds one complete generation: a checkpoint ({@code state-N.json}, a snapshot)
 * and the log of change records after it ({@code log-N.wal}); during a change of generation briefly two. Every commit
 * appends a record and forces it to disk before the change is answered; a whole-state change (load, restore, reset)
 * writes a new generation instead, and so does compaction, once the log has outgrown its checkpoint. A new
 * generation is written so that a crash at any step leaves one complete generation: its checkpoint is written to a
 * temporary file, forced and renamed, the directory forced, then its empty log created and forced, and only then are
 * the older generation's files removed. {@link Recovery} reads it back at start.
 */
public final class DataDirectory implements AutoCloseable {

    /** The logger of data directories: recovery's warnings, compactions. */
    static final Logger LOG = LoggerFactory.getLogger("io.github.paiworkspacefake.data");

    /** The log's size below which it is never compacted, unless the system property below says otherwise. */
    static final long DEFAULT_COMPACTION_BYTES = 1024 * 1024;

    /** System property for tests and tuning: the log size from which compaction may start, in bytes. */
    public static final String COMPACTION_BYTES_PROPERTY = "pai-workspace-fake.data.compaction-bytes";

    private final Path directory;
    private final FakeState state;
    private final DurableChanges changes;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final long compactionBytes;
    private final boolean resumed;
    private final List<String> warnings;
    private final AtomicBoolean compactionScheduled = new AtomicBoolean();
    private final ExecutorService compactor;

    /** Guarded by the writer's turn. */
    private long generation;

    private long checkpointBytes;
    private LogSegment log;

    private volatile String failure;
    private volatile boolean closed;

    private DataDirectory(
            Path directory,
            FakeState state,
            DurableChanges changes,
            FileChannel lockChannel,
            FileLock lock,
            Recovery.Result recovered,
            long compactionBytes) {
        this.directory = directory;
        this.state = state;
        this.changes = changes;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.generation = recovered.generation();
        this.checkpointBytes = recovered.checkpointBytes();
        this.log = recovered.log();
        this.resumed = recovered.resumed();
        this.warnings = List.copyOf(recovered.warnings());
        this.compactionBytes = compactionBytes;
        this.compactor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pai-workspace-fake-compaction");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Takes the directory for this process (creating it when missing), loads the state it holds into {@code state}
     * (an empty state for a new directory) and from then on keeps every change there, through {@code changes}, the
     * sink the stores report to. A directory that cannot be used (held by another process, damaged, written by a newer
     * version, not a data directory) is refused with an {@link IllegalStateException} that says what is wrong and
     * what to do; it is left as it was.
     */
    public static DataDirectory open(Path directory, FakeState state, DurableChanges changes) {
        return open(directory, state, changes, Long.getLong(COMPACTION_BYTES_PROPERTY, DEFAULT_COMPACTION_BYTES));
    }

    /**
     * {@link #open(Path, FakeState, DurableChanges)} compacting once the log is larger than {@code compactionBytes}
     * and than twice its checkpoint.
     */
    static DataDirectory open(Path directory, FakeState state, DurableChanges changes, long compactionBytes) {
        Path dir = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw refused(dir, "it cannot be created: " + e);
        }
        if (!Files.isDirectory(dir)) {
            throw refused(dir, "it is not a directory");
        }
        try {
            Recovery.refuseForeignFiles(dir);
        } catch (IOException e) {
            throw refused(dir, "it cannot be listed: " + e);
        }
        FileChannel lockChannel;
        try {
            lockChannel = FileChannel.open(
                    dir.resolve(LogFormat.LOCK_FILE),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw refused(dir, "its lock file cannot be opened: " + e);
        }
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            close(lockChannel);
            throw inUse(dir, "another fake of this JVM");
        } catch (IOException e) {
            close(lockChannel);
            throw refused(dir, "its lock file cannot be locked: " + e);
        }
        if (lock == null) {
            String holder = holderOf(lockChannel);
            close(lockChannel);
            throw inUse(dir, "another process" + holder);
        }
        try {
            Recovery.Result recovered = new Recovery(dir, state).run();
            lockChannel.truncate(0);
            lockChannel.write(
                    ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            DataDirectory opened =
                    new DataDirectory(dir, state, changes, lockChannel, lock, recovered, compactionBytes);
            changes.attach(opened);
            return opened;
        } catch (RuntimeException | IOException | Error e) {
            close(lockChannel);
            if (e instanceof IllegalStateException refusal) {
                throw refusal;
            }
            throw refused(dir, "it could not be read: " + e);
        }
    }

    /** The directory. */
    public Path path() {
        return directory;
    }

    /**
     * Whether the directory held state from an earlier run when it was opened: it had seen a change. False for a new
     * directory, and for one that has seen none since it was created.
     */
    public boolean resumed() {
        return resumed;
    }

    /** What recovery warned about (a torn last record dropped), also logged. */
    public List<String> warnings() {
        return warnings;
    }

    /** The generation of the current checkpoint and log (for tests). */
    long generation() {
        return generation;
    }

    /** Throws when changes can no longer be made durable: the directory was released or a write failed. */
    void requireUsable() {
        if (closed) {
            throw new IllegalStateException("The fake has been closed: its data directory " + directory
                    + " is released, and changes can no longer be kept.");
        }
        String failed = failure;
        if (failed != null) {
            throw new IllegalStateException("The data directory " + directory + " failed (" + failed
                    + "): changes can no longer be made durable. Restart the fake; it recovers every change"
                    + " that was acknowledged.");
        }
    }

    /** A commit whose record still has to reach the disk. */
    interface Pending {
        void await();
    }

    /**
     * Commits what one step changed (the caller has the writer's turn): a new generation for a whole-state change,
     * which is durable when this returns; otherwise a change record of the current values, which is durable once the
     * returned {@link Pending} has been awaited (after giving up the turn, so that other records join the same force).
     */
    Pending commit(
            boolean wholeState,
            Collection<String> workspaces,
            Collection<ChangeSink.UserKey> users,
            Collection<ChangeSink.ResourceKey> resources) {
        requireUsable();
        try {
            if (wholeState) {
                newGeneration("a whole-state change");
                return null;
            }
            ByteArrayOutputStream payload = new ByteArrayOutputStream(1024);
            try (JsonGenerator json = Json.mapper().getFactory().createGenerator(payload)) {
                state.writeRecord(json, workspaces, users, resources);
            }
            LogSegment current = log;
            long end = current.append(LogFormat.frame(payload.toByteArray()));
            if (end > compactionBytes && end > 2 * checkpointBytes) {
                scheduleCompaction();
            }
            return () -> {
                try {
                    current.awaitDurable(end);
                } catch (IOException e) {
                    throw fail(e);
                }
            };
        } catch (IOException | UncheckedIOException e) {
            throw fail(e);
        }
    }

    private IllegalStateException fail(Exception e) {
        String reason = e.toString();
        if (failure == null) {
            failure = reason;
            LOG.error(
                    "The data directory {} failed: changes made from now on cannot be kept. Restart the fake.",
                    directory,
                    e);
        }
        return new IllegalStateException(
                "The change could not be made durable in " + directory + ": " + reason + ". Restart the fake.", e);
    }

    private void scheduleCompaction() {
        if (!compactionScheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            compactor.execute(() -> {
                compactionScheduled.set(false);
                try {
                    changes.asWriter(() -> {
                        if (closed || failure != null) {
                            return;
                        }
                        long size = log.size();
                        if (size > compactionBytes && size > 2 * checkpointBytes) {
                            try {
                                newGeneration("compaction of a log of " + size + " bytes");
                            } catch (IOException | UncheckedIOException e) {
                                fail(e);
                            }
                        }
                    });
                } catch (RuntimeException e) {
                    LOG.error("Compaction of the data directory {} failed", directory, e);
                }
            });
        } catch (RejectedExecutionException shutDown) {
            compactionScheduled.set(false);
        }
    }

    /**
     * Writes the next generation from the state as it is now (the caller has the writer's turn, so nothing changes
     * meanwhile): its checkpoint, then its empty log, then it removes the older generation's files.
     */
    private void newGeneration(String why) throws IOException {
        long next = generation + 1;
        long started = System.nanoTime();
        Checkpoint written = writeCheckpoint(directory, next, state.storedView().contents());
        LogSegment nextLog = createLog(directory, next, written);
        LogSegment previous = log;
        long previousGeneration = generation;
        log = nextLog;
        generation = next;
        checkpointBytes = written.length();
        previous.seal();
        Files.deleteIfExists(directory.resolve(LogFormat.logName(previousGeneration)));
        Files.deleteIfExists(directory.resolve(LogFormat.checkpointName(previousGeneration)));
        forceDirectory(directory);
        LOG.debug(
                "Data directory {}: generation {} written ({}; checkpoint of {} bytes) in {} ms",
                directory,
                next,
                why,
                written.length(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** A checkpoint's length and CRC-32C, which its log's header records. */
    record Checkpoint(long length, int crc) {}

    /** Writes a checkpoint to a temporary file, forces it, renames it into place and forces the directory. */
    static Checkpoint writeCheckpoint(Path dir, long generation, StateSnapshot.Contents contents) throws IOException {
        Path target = dir.resolve(LogFormat.checkpointName(generation));
        Path temporary = dir.resolve(LogFormat.checkpointName(generation) + ".tmp");
        CRC32C crc = new CRC32C();
        long length;
        try (FileChannel channel = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            CountingStream counted = new CountingStream(
                    new CheckedOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16), crc));
            try (JsonGenerator json = Json.mapper().getFactory().createGenerator(counted)) {
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                json.useDefaultPrettyPrinter();
                StateSnapshot.write(json, contents);
            }
            counted.write('\n');
            counted.flush();
            length = counted.count;
            channel.force(true);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory(dir);
        return new Checkpoint(length, (int) crc.getValue());
    }

    /** Creates a generation's empty log after its checkpoint, forced with the directory; open for appending. */
    static LogSegment createLog(Path dir, long generation, Checkpoint checkpoint) throws IOException {
        Path path = dir.resolve(LogFormat.logName(generation));
        FileChannel channel = FileChannel.open(
                path,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            ByteBuffer header = LogFormat.header(generation, checkpoint.length(), checkpoint.crc());
            long at = 0;
            while (header.hasRemaining()) {
                at += channel.write(header, at);
            }
            channel.force(true);
            forceDirectory(dir);
            return new LogSegment(path, generation, channel, at);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Forces a directory's entries (new, renamed and removed files) to disk, where the platform can. */
    static void forceDirectory(Path dir) throws IOException {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return; // Windows cannot open a directory as a channel; its renames are durable by themselves
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** An output stream that counts what passes through it. */
    private static final class CountingStream extends OutputStream {
        private final OutputStream out;
        long count;

        CountingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /**
     * Releases the directory: waits for a compaction in progress, forces and closes the log and gives up the lock.
     * Changes after this are refused. Safe to call more than once.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        compactor.shutdown();
        try {
            compactor.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        changes.asWriter(() -> {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (failure == null) {
                    log.seal();
                } else {
                    log.abandon();
                }
            } catch (IOException e) {
                LOG.warn("The log of the data directory {} could not be closed: {}", directory, e.toString());
            }
        });
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it too
        }
        close(lockChannel);
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }

    private static String holderOf(FileChannel lockChannel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            int read = lockChannel.read(buffer, 0);
            String pid = read <= 0 ? "" : new String(buffer.array(), 0, read, StandardCharsets.US_ASCII).trim();
            return pid.isEmpty() || !pid.chars().allMatch(Character::isDigit) ? "" : " (pid " + pid + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private static IllegalStateException inUse(Path dir, String holder) {
        return new IllegalStateException("The data directory " + dir + " is in use by " + holder
                + ", which holds the lock on " + dir.resolve(LogFormat.LOCK_FILE)
                + ". One fake at a time keeps its state in a data directory: stop the other one, or give this one"
                + " another data directory.");
    }

    /** The refusal of a directory that cannot be used, saying what is wrong and how to start afresh. */
    static IllegalStateException refused(Path dir, String what) {
        return new IllegalStateException("The data directory " + dir + " cannot be used: " + what
                + ". Nothing in it was changed. To start afresh and keep it for inspection, move it aside (mv " + dir
                + " " + dir + ".damaged) and start again, or give the fake another data directory;"
                + " docs/persistence.md explains its files and how to recover state from them.");
    }
}

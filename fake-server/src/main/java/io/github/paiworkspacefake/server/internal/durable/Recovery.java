package io.github.paiworkspacefake.server.internal.durable;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.server.internal.domain.FakeState;
import io.github.paiworkspacefake.server.internal.domain.Json;
import io.github.paiworkspacefake.server.internal.domain.StateSnapshot;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * Reads a data directory at start: refuses anything it does not understand, loads the newest checkpoint, replays the
 * log after it (a torn last record, from a crash while it was written, is dropped with a warning naming the file and
 * offset, and the log cut there), restores the result into the fake's state and removes older generations. A problem
 * anywhere else (a foreign file, a newer format, a checksum mismatch before the end, a checkpoint that does not match
 * its log) refuses the directory before anything in it changed.
 */
final class Recovery {

    private final Path dir;
    private final FakeState state;
    private final List<String> warnings = new ArrayList<>();
    private int recordsReplayed;

    /** The generation recovered, open for appending. */
    record Result(long generation, long checkpointBytes, LogSegment log, boolean resumed, List<String> warnings) {}

    Recovery(Path dir, FakeState state) {
        this.dir = dir;
        this.state = state;
    }

    /** Refuses a directory that holds anything but the files of a data directory, before anything is written to it. */
    static void refuseForeignFiles(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                refuseIfForeign(dir, entry);
            }
        }
    }

    private static void refuseIfForeign(Path dir, Path entry) {
        String fileName = entry.getFileName().toString();
        if (LogFormat.Name.of(fileName).kind() == LogFormat.Kind.FOREIGN
                && !(fileName.equals("lost+found") && Files.isDirectory(entry))) {
            throw DataDirectory.refused(
                    dir,
                    "it holds " + fileName + ", which is not a file of a pai-workspace-fake data directory (only lock,"
                            + " state-N.json and log-N.wal are)");
        }
    }

    Result run() throws IOException {
        TreeMap<Long, Path> checkpoints = new TreeMap<>();
        TreeMap<Long, Path> logs = new TreeMap<>();
        List<Path> temporaries = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String fileName = entry.getFileName().toString();
                LogFormat.Name name = LogFormat.Name.of(fileName);
                switch (name.kind()) {
                    case LOCK -> {}
                    case CHECKPOINT -> checkpoints.put(name.generation(), entry);
                    case LOG -> logs.put(name.generation(), entry);
                    case CHECKPOINT_TEMPORARY -> temporaries.add(entry);
                    case FOREIGN -> refuseIfForeign(dir, entry);
                }
            }
        }
        if (checkpoints.isEmpty()) {
            if (!logs.isEmpty()) {
                throw DataDirectory.refused(
                        dir,
                        "it holds " + logs.firstEntry().getValue().getFileName()
                                + " but no checkpoint (state-N.json) it follows: a checkpoint was removed");
            }
            for (Path temporary : temporaries) {
                Files.deleteIfExists(temporary);
            }
            return fresh();
        }
        long generation = checkpoints.lastKey();
        if (!logs.tailMap(generation, false).isEmpty()) {
            throw DataDirectory.refused(
                    dir,
                    "it holds "
                            + logs.tailMap(generation, false)
                                    .firstEntry()
                                    .getValue()
                                    .getFileName()
                            + ", a log newer than its newest checkpoint "
                            + checkpoints.get(generation).getFileName() + ": a checkpoint was removed");
        }
        Path checkpointPath = checkpoints.get(generation);
        StateSnapshot.Document checkpoint;
        Checksummed in;
        try (InputStream file = Files.newInputStream(checkpointPath)) {
            in = new Checksummed(new BufferedInputStream(file, 1 << 16));
            checkpoint = readCheckpoint(in, checkpointPath);
            in.transferTo(OutputStream.nullOutputStream());
        }
        long checkpointLength = in.count;
        int checkpointCrc = (int) in.crc.getValue();
        StateSnapshot.Image image;
        try {
            image = new StateSnapshot.Image(checkpoint);
        } catch (IllegalArgumentException e) {
            throw DataDirectory.refused(dir, checkpointPath.getFileName() + " is not a checkpoint: " + e.getMessage());
        }
        Path logPath = dir.resolve(LogFormat.logName(generation));
        LogSegment log;
        if (Files.exists(logPath)) {
            log = replay(logPath, generation, checkpointLength, checkpointCrc, image);
        } else {
            log = DataDirectory.createLog(
                    dir, generation, new DataDirectory.Checkpoint(checkpointLength, checkpointCrc));
        }
        try {
            state.load(image.document(), true);
        } catch (IllegalArgumentException e) {
            log.abandon();
            throw DataDirectory.refused(
                    dir,
                    "the state rebuilt from " + checkpointPath.getFileName() + " and its log cannot be loaded: "
                            + e.getMessage());
        } catch (RuntimeException e) {
            log.abandon();
            throw e;
        }
        for (Path older : checkpoints.headMap(generation, false).values()) {
            Files.deleteIfExists(older);
        }
        for (Path older : logs.headMap(generation, false).values()) {
            Files.deleteIfExists(older);
        }
        for (Path temporary : temporaries) {
            Files.deleteIfExists(temporary);
        }
        DataDirectory.forceDirectory(dir);
        // a directory that has seen no change yet (its first, empty generation and no record) counts as new
        return new Result(generation, checkpointLength, log, generation > 1 || recordsReplayed > 0, warnings);
    }

    /** A new directory: the first generation, of the state as it is (empty). */
    private Result fresh() throws IOException {
        DataDirectory.Checkpoint checkpoint =
                DataDirectory.writeCheckpoint(dir, 1, state.storedView().contents());
        LogSegment log = DataDirectory.createLog(dir, 1, checkpoint);
        return new Result(1, checkpoint.length(), log, false, warnings);
    }

    private StateSnapshot.Document readCheckpoint(InputStream in, Path path) {
        StateSnapshot.Document document;
        try {
            document = StateSnapshot.read(in);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("format.version")) {
                throw DataDirectory.refused(
                        dir, path.getFileName() + " was written by a newer pai-workspace-fake: " + e.getMessage());
            }
            throw DataDirectory.refused(dir, path.getFileName() + " is damaged or not a checkpoint: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw DataDirectory.refused(dir, path.getFileName() + " cannot be read: " + e.getCause());
        }
        return document;
    }

    /**
     * Checks a log's header against its checkpoint and applies its records to the image; a torn last record is
     * dropped and the log cut where it starts. Returns the log, open for appending after its last good record.
     */
    private LogSegment replay(
            Path path, long generation, long checkpointLength, int checkpointCrc, StateSnapshot.Image image)
            throws IOException {
        String name = path.getFileName().toString();
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            long size = channel.size();
            if (size < LogFormat.HEADER_BYTES) {
                byte[] start = read(channel, 0, (int) size);
                if (!LogFormat.isHeaderPrefix(start)) {
                    throw DataDirectory.refused(
                            dir, name + " is not a pai-workspace-fake log (its first bytes differ)");
                }
                warn(name + ": its header was incomplete (" + size + " bytes: the process stopped while creating it);"
                        + " written again, with no records lost");
                channel.close();
                return DataDirectory.createLog(
                        dir, generation, new DataDirectory.Checkpoint(checkpointLength, checkpointCrc));
            }
            ByteBuffer header = ByteBuffer.wrap(read(channel, 0, LogFormat.HEADER_BYTES));
            byte[] magic = new byte[LogFormat.LOG_MAGIC.length];
            header.get(magic);
            if (!java.util.Arrays.equals(magic, LogFormat.LOG_MAGIC)) {
                throw DataDirectory.refused(dir, name + " is not a pai-workspace-fake log (its first bytes differ)");
            }
            int version = header.getInt();
            if (version > LogFormat.VERSION || version < 1) {
                throw DataDirectory.refused(
                        dir,
                        name + " was written by a newer pai-workspace-fake (log format version " + version
                                + "; this one reads up to version " + LogFormat.VERSION + ")");
            }
            long headerGeneration = header.getLong();
            if (headerGeneration != generation) {
                throw DataDirectory.refused(
                        dir, name + " names generation " + headerGeneration + " in its header, not " + generation);
            }
            long expectedLength = header.getLong();
            int expectedCrc = header.getInt();
            if (expectedLength != checkpointLength || expectedCrc != checkpointCrc) {
                throw DataDirectory.refused(
                        dir,
                        LogFormat.checkpointName(generation) + " does not match the length and checksum its log " + name
                                + " recorded for it (" + expectedLength + " bytes, CRC-32C "
                                + Integer.toHexString(expectedCrc) + "; found " + checkpointLength + " bytes, CRC-32C "
                                + Integer.toHexString(checkpointCrc) + "): it was changed or damaged after it was"
                                + " written");
            }
            long offset = LogFormat.HEADER_BYTES;
            int records = 0;
            while (offset < size) {
                Frame frame = frameAt(channel, offset, size);
                if (frame == null) {
                    long following = nextValidFrame(channel, offset + 1, size);
                    if (following >= 0) {
                        throw DataDirectory.refused(
                                dir,
                                name + " is damaged at offset " + offset + " (a record whose checksum or framing is"
                                        + " wrong), and valid records follow at offset " + following
                                        + ": this is not a torn last record from a crash");
                    }
                    warn(name + ": dropped a torn last record at offset " + offset + " (" + (size - offset)
                            + " bytes): the process stopped while writing it, before its change was acknowledged");
                    channel.truncate(offset);
                    channel.force(true);
                    size = offset;
                    break;
                }
                JsonNode record;
                try {
                    record = Json.mapper().readTree(frame.payload());
                    image.apply(record);
                } catch (IOException | IllegalArgumentException e) {
                    throw DataDirectory.refused(
                            dir,
                            name + " holds a record at offset " + offset + " that this fake cannot apply: "
                                    + e.getMessage());
                }
                records++;
                recordsReplayed++;
                offset = frame.end();
            }
            DataDirectory.LOG.info(
                    "Data directory {}: {} and {} record(s) of {} read",
                    dir,
                    LogFormat.checkpointName(generation),
                    records,
                    name);
            return new LogSegment(path, generation, channel, size);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void warn(String warning) {
        warnings.add(warning);
        DataDirectory.LOG.warn("Data directory {}: {}", dir, warning);
    }

    /** A record read from a log: its payload and the offset where it ends. */
    private static final class Frame {
        private final byte[] payload;
        private final long end;

        Frame(byte[] payload, long end) {
            this.payload = payload;
            this.end = end;
        }

        byte[] payload() {
            return payload;
        }

        long end() {
            return end;
        }
    }

    /** The valid record at {@code offset}, or null when there is none (torn, damaged or not a record). */
    private static Frame frameAt(FileChannel channel, long offset, long size) throws IOException {
        if (size - offset < LogFormat.FRAME_BYTES) {
            return null;
        }
        ByteBuffer head = ByteBuffer.wrap(read(channel, offset, LogFormat.FRAME_BYTES));
        if (head.getInt() != LogFormat.RECORD_MAGIC) {
            return null;
        }
        int length = head.getInt();
        int crc = head.getInt();
        if (length < 0 || length > LogFormat.MAX_PAYLOAD || offset + LogFormat.FRAME_BYTES + length > size) {
            return null;
        }
        byte[] payload = read(channel, offset + LogFormat.FRAME_BYTES, length);
        if (LogFormat.crc(length, payload, 0, length) != crc) {
            return null;
        }
        return new Frame(payload, offset + LogFormat.FRAME_BYTES + length);
    }

    /** The offset of the first valid record at or after {@code from}, or -1. */
    private static long nextValidFrame(FileChannel channel, long from, long size) throws IOException {
        byte[] rest = read(channel, from, (int) Math.min(Integer.MAX_VALUE - 16, size - from));
        ByteBuffer bytes = ByteBuffer.wrap(rest);
        for (int i = 0; i + LogFormat.FRAME_BYTES <= rest.length; i++) {
            if (bytes.getInt(i) != LogFormat.RECORD_MAGIC) {
                continue;
            }
            int length = bytes.getInt(i + 4);
            if (length < 0 || length > rest.length - i - LogFormat.FRAME_BYTES) {
                continue;
            }
            if (LogFormat.crc(length, rest, i + LogFormat.FRAME_BYTES, length) == bytes.getInt(i + 8)) {
                return from + i;
            }
        }
        return -1;
    }

    private static byte[] read(FileChannel channel, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        long at = offset;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("unexpected end of file at offset " + at);
            }
            at += read;
        }
        return buffer.array();
    }

    /** A stream that counts and checksums what is read through it, and that its reader cannot close. */
    private static final class Checksummed extends FilterInputStream {
        final CRC32C crc = new CRC32C();
        long count;

        Checksummed(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                crc.update(b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int read = super.read(bytes, offset, length);
            if (read > 0) {
                crc.update(bytes, offset, read);
                count += read;
            }
            return read;
        }

        @Override
        public long skip(long n) {
            return 0;
        }

        @Override
        public void close() {
            // the file is closed by its owner
        }
    }
}

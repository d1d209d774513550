package io.github.paiworkspacefake.server.internal.durable;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * The files of a data directory and the binary framing of its logs (docs/persistence.md describes them).
 *
 * <pre>
 * lock                     held (an OS file lock) by the process using the directory; holds its pid
 * state-NNNNNNNNNNNNNNNNNNNN.json  checkpoint of generation N: a snapshot, written to a .tmp file, forced, renamed
 * log-NNNNNNNNNNNNNNNNNNNN.wal     the change records after that checkpoint
 * </pre>
 *
 * A log starts with a 32-byte header: the 8 ASCII bytes {@code PAIFKLOG}, the format version (4 bytes), the
 * generation (8 bytes), the length (8 bytes) and CRC-32C (4 bytes) of its generation's checkpoint file. Then come
 * records, each framed as: the 4 bytes {@code 0x50 0x46 0x4B 0x52} ({@code PFKR}), the payload's length (4 bytes), the
 * CRC-32C of the length's 4 bytes and the payload (4 bytes), and the payload: one JSON object in UTF-8. Numbers are big
 * endian.
 */
final class LogFormat {

    /** The version of the log format this fake writes, and the newest it reads. */
    static final int VERSION = 1;

    static final byte[] LOG_MAGIC = "PAIFKLOG".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER_BYTES = 32;
    static final int RECORD_MAGIC = 0x50464B52;
    static final int FRAME_BYTES = 12;
    /** No record is larger; a length above it is damage. */
    static final int MAX_PAYLOAD = 256 * 1024 * 1024;

    static final String LOCK_FILE = "lock";
    private static final Pattern CHECKPOINT = Pattern.compile("state-(\\d{1,20})\\.json");
    private static final Pattern CHECKPOINT_TEMPORARY = Pattern.compile("state-(\\d{1,20})\\.json\\.tmp");
    private static final Pattern LOG = Pattern.compile("log-(\\d{1,20})\\.wal");

    private LogFormat() {}

    /** What a file name in a data directory is. */
    enum Kind {
        LOCK,
        CHECKPOINT,
        CHECKPOINT_TEMPORARY,
        LOG,
        FOREIGN
    }

    /** A file name's kind and, for generation files, its generation. */
    record Name(Kind kind, long generation) {

        static Name of(String fileName) {
            if (fileName.equals(LOCK_FILE)) {
                return new Name(Kind.LOCK, 0);
            }
            for (Kind kind : new Kind[] {Kind.CHECKPOINT, Kind.CHECKPOINT_TEMPORARY, Kind.LOG}) {
                Matcher matcher = pattern(kind).matcher(fileName);
                if (matcher.matches()) {
                    try {
                        return new Name(kind, Long.parseLong(matcher.group(1)));
                    } catch (NumberFormatException tooLarge) {
                        return new Name(Kind.FOREIGN, 0);
                    }
                }
            }
            return new Name(Kind.FOREIGN, 0);
        }

        private static Pattern pattern(Kind kind) {
            return switch (kind) {
                case CHECKPOINT -> CHECKPOINT;
                case CHECKPOINT_TEMPORARY -> CHECKPOINT_TEMPORARY;
                default -> LOG;
            };
        }
    }

    static String checkpointName(long generation) {
        return "state-" + digits(generation) + ".json";
    }

    static String logName(long generation) {
        return "log-" + digits(generation) + ".wal";
    }

    /** A generation in 20 digits, so that the files sort by generation. */
    private static String digits(long generation) {
        String text = Long.toString(generation);
        return "0".repeat(Math.max(0, 20 - text.length())) + text;
    }

    /** A log's header for its generation and the checkpoint it follows. */
    static ByteBuffer header(long generation, long checkpointLength, int checkpointCrc) {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        header.put(LOG_MAGIC)
                .putInt(VERSION)
                .putLong(generation)
                .putLong(checkpointLength)
                .putInt(checkpointCrc);
        return header.flip();
    }

    /** One framed record of this payload. */
    static ByteBuffer frame(byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(FRAME_BYTES + payload.length);
        frame.putInt(RECORD_MAGIC).putInt(payload.length).putInt(crc(payload.length, payload, 0, payload.length));
        frame.put(payload);
        return frame.flip();
    }

    /** The CRC-32C a frame carries: of the length's 4 bytes, then of the payload. */
    static int crc(int length, byte[] bytes, int offset, int count) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(4).putInt(length).array());
        crc.update(bytes, offset, count);
        return (int) crc.getValue();
    }

    /** Whether these bytes, a file shorter than a header, are the start of a header this fake was writing. */
    static boolean isHeaderPrefix(byte[] bytes) {
        int magic = Math.min(bytes.length, LOG_MAGIC.length);
        return Arrays.equals(bytes, 0, magic, LOG_MAGIC, 0, magic) || Arrays.equals(bytes, new byte[bytes.length]);
    }
}

package io.github.paiworkspacefake.server.internal.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.User;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.WorkspaceSeed;
import io.github.paiworkspacefake.server.internal.catalogue.Catalogue;
import io.github.paiworkspacefake.server.internal.catalogue.ResourceSpec;
import io.github.paiworkspacefake.server.internal.domain.StateSnapshot;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.domain.resources.Resources;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery of a data directory: what the resource engine stores is kept like everything else; compaction keeps one
 * generation; a crash at any step of a generation change leaves one complete generation; a torn last record is dropped
 * with a warning naming the file and offset; every other kind of damage refuses the directory, saying what is wrong
 * and how to move it aside, and changes nothing in it.
 */
class DataDirectoryRecoveryTest {

    private static final ResourceSpec DATASET =
            Catalogue.get().resource("Dataset").orElseThrow();
    private static final ResourceSpec VERSION =
            Catalogue.get().resource("DatasetVersion").orElseThrow();
    private static final String ACCOUNT = Account.DEFAULT.accountId();

    @TempDir
    Path dir;

    private static Workspace workspace(DurableFake fake, String name) {
        return fake.state.workspaces().insert(WorkspaceSeed.builder(name).build());
    }

    private List<String> files() throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private Path only(String prefix) throws IOException {
        List<String> matching =
                files().stream().filter(name -> name.startsWith(prefix)).toList();
        assertThat(matching).hasSize(1);
        return dir.resolve(matching.get(0));
    }

    /** A directory whose log holds a few records after its checkpoint; returns the state it holds. */
    private String directoryWithRecords(int workspaces) {
        try (DurableFake fake = new DurableFake(dir)) {
            for (int i = 0; i < workspaces; i++) {
                workspace(fake, "ws_" + i);
            }
            return fake.snapshot();
        }
    }

    /** Every file of the directory and its bytes. */
    private Map<String, List<Byte>> contents() {
        Map<String, List<Byte>> contents = new LinkedHashMap<>();
        try {
            for (String name : files()) {
                List<Byte> bytes = new ArrayList<>();
                for (byte b : Files.readAllBytes(dir.resolve(name))) {
                    bytes.add(b);
                }
                contents.put(name, bytes);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return contents;
    }

    private void refused(String... messages) {
        Map<String, List<Byte>> before = contents();
        assertThatThrownBy(() -> new DurableFake(dir).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The data directory " + dir + " cannot be used")
                .hasMessageContaining("move it aside (mv " + dir + " " + dir + ".damaged)")
                .hasMessageContaining("Nothing in it was changed")
                .satisfies(e -> {
                    for (String message : messages) {
                        assertThat(e).hasMessageContaining(message);
                    }
                });
        assertThat(contents()).as("the files and their bytes after a refusal").isEqualTo(before);
    }

    @Test
    void theResourceEnginesChangesAndItsSequenceAreKept() {
        String before;
        String firstId;
        try (DurableFake fake = new DurableFake(dir)) {
            Resources resources = fake.state.resources();
            String workspaceId = workspace(fake, "data_ws").workspaceId();
            Resource dataset =
                    resources.create(DATASET, Resources.Creation.in(ACCOUNT, workspaceId, Map.of("Name", "images")));
            firstId = dataset.id();
            resources.increment(DATASET, ACCOUNT, null, dataset.id(), "versions");
            resources.create(
                    VERSION,
                    Resources.Creation.in(ACCOUNT, workspaceId, Map.of("Uri", "oss://b/1/"))
                            .under(dataset.id())
                            .withId("v1"));
            resources.create(
                    VERSION,
                    Resources.Creation.in(ACCOUNT, workspaceId, Map.of("Uri", "oss://b/2/"))
                            .under(dataset.id())
                            .withId("v2"));
            resources.update(VERSION, ACCOUNT, dataset.id(), "v1", fields -> {
                fields.put("Uri", "oss://b/1-moved/");
                return fields;
            });
            resources.remove(VERSION, ACCOUNT, dataset.id(), "v2");
            Resource removed =
                    resources.create(DATASET, Resources.Creation.in(ACCOUNT, workspaceId, Map.of("Name", "removed")));
            resources.remove(DATASET, ACCOUNT, null, removed.id());
            before = fake.snapshot();
        }

        try (DurableFake restarted = new DurableFake(dir)) {
            assertThat(restarted.snapshot()).isEqualTo(before);
            Resource dataset =
                    restarted.state.resources().stored("Dataset", null, firstId).orElseThrow();
            assertThat(dataset.counters()).containsEntry("versions", 1L);
            assertThat(restarted
                            .state
                            .resources()
                            .stored("DatasetVersion", firstId, "v1")
                            .orElseThrow()
                            .field("Uri"))
                    .isEqualTo("oss://b/1-moved/");
            Resource next = restarted
                    .state
                    .resources()
                    .create(
                            DATASET,
                            Resources.Creation.in(ACCOUNT, dataset.workspaceId(), Map.of("Name", "after_restart")));
            assertThat(next.sequence())
                    .as("the sequence continues after the removed dataset's")
                    .isEqualTo(5);
        }
    }

    @Test
    void aWorkspacesDeletionTakesItsResourcesAlsoOnDisk() {
        try (DurableFake fake = new DurableFake(dir)) {
            String workspaceId = workspace(fake, "data_ws").workspaceId();
            fake.state
                    .resources()
                    .create(DATASET, Resources.Creation.in(ACCOUNT, workspaceId, Map.of("Name", "images")));
            fake.state.workspaces().remove(workspaceId);
        }
        try (DurableFake restarted = new DurableFake(dir)) {
            assertThat(restarted.state.resources().all()).isEmpty();
            assertThat(restarted.state.workspaces().all()).isEmpty();
        }
    }

    @Test
    void compactionKeepsOneGenerationAsSmallAsTheState() throws Exception {
        String before;
        try (DurableFake fake = new DurableFake(dir, 8 * 1024)) {
            for (int i = 0; i < 300; i++) {
                Workspace workspace = workspace(fake, "churn_" + i);
                fake.state.workspaces().remove(workspace.workspaceId());
            }
            workspace(fake, "survivor");
            fake.directory.close(); // waits for a compaction in progress
            assertThat(fake.directory.generation()).isGreaterThan(2);
            before = fake.snapshot();
        }
        assertThat(files()).hasSize(3);
        assertThat(Files.size(only("log-"))).isLessThan(64 * 1024);
        try (DurableFake restarted = new DurableFake(dir)) {
            assertThat(restarted.snapshot()).isEqualTo(before);
            assertThat(Long.parseLong(workspace(restarted, "next").workspaceId()))
                    .isEqualTo(100_001L + 301);
        }
    }

    /** Two generations of one directory: the files of the first, and the state of each. */
    private record Generations(Map<String, byte[]> older, String olderState, String newerState) {}

    private Generations twoGenerations() throws IOException {
        String olderState = directoryWithRecords(3);
        Map<String, byte[]> older = new LinkedHashMap<>();
        for (String name : files()) {
            if (!name.equals("lock")) {
                older.put(name, Files.readAllBytes(dir.resolve(name)));
            }
        }
        String newerState;
        try (DurableFake fake = new DurableFake(dir)) {
            workspace(fake, "after_the_first");
            fake.state.load(StateSnapshot.read(fake.snapshot()), true); // a whole-state change: a new generation
            newerState = fake.snapshot();
        }
        return new Generations(older, olderState, newerState);
    }

    private void restore(Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(dir.resolve(file.getKey()), file.getValue());
        }
    }

    @Test
    void aCrashWhileTheNextCheckpointWasWrittenLeavesThePreviousGeneration() throws Exception {
        Generations generations = twoGenerations();
        Path newer = only("state-");
        byte[] partial = Arrays.copyOf(Files.readAllBytes(newer), 100);
        for (String name : files()) {
            if (!name.equals("lock")) {
                Files.delete(dir.resolve(name));
            }
        }
        restore(generations.older());
        Files.write(dir.resolve(newer.getFileName() + ".tmp"), partial);

        try (DurableFake restarted = new DurableFake(dir)) {
            assertThat(restarted.snapshot()).isEqualTo(generations.olderState());
        }
        assertThat(files()).noneMatch(name -> name.endsWith(".tmp"));
    }

    @Test
    void aCrashBeforeTheNextLogWasCreatedLeavesTheNewCheckpoint() throws Exception {
        Generations generations = twoGenerations();
        Files.delete(only("log-"));
        restore(generations.older());

        try (DurableFake restarted = new DurableFake(dir)) {
            assertThat(restarted.snapshot()).isEqualTo(generations.newerState());
            workspace(restarted, "kept_in_the_new_log");
        }
        assertThat(files()).hasSize(3);
        try (DurableFake again = new DurableFake(dir)) {
            assertThat(again.state.workspaces().all())
                    .extracting(Workspace::workspaceName)
                    .contains("kept_in_the_new_log");
        }
    }

    @Test
    void aCrashBeforeTheOlderGenerationWasRemovedLeavesTheNewerOne() throws Exception {
        Generations generations = twoGenerations();
        restore(generations.older());
        assertThat(files()).hasSize(5);

        try (DurableFake restarted = new DurableFake(dir)) {
            assertThat(restarted.snapshot()).isEqualTo(generations.newerState());
        }
        assertThat(files()).hasSize(3);
    }

    @Test
    void aTornLastRecordIsDroppedWithAWarningNamingTheFileAndOffset() throws Exception {
        String state = directoryWithRecords(2);
        Path log = only("log-");
        long end = Files.size(log);
        byte[] record = LogFormat.frame("{\"workspaces\":[]}".getBytes(StandardCharsets.UTF_8))
                .array();
        Files.write(log, Arrays.copyOf(record, record.length - 3), StandardOpenOption.APPEND);

        try (DurableFake restarted = new DurableFake(dir)) {
            assertThat(restarted.directory.warnings())
                    .singleElement()
                    .satisfies(warning -> assertThat(warning)
                            .contains(log.getFileName().toString())
                            .contains("torn last record at offset " + end));
            assertThat(restarted.snapshot()).isEqualTo(state);
            assertThat(Files.size(log)).isEqualTo(end);
            workspace(restarted, "after_the_torn_record");
        }
        try (DurableFake again = new DurableFake(dir)) {
            assertThat(again.directory.warnings()).isEmpty();
            assertThat(again.state.workspaces().all()).hasSize(3);
        }
    }

    @Test
    void zerosAfterTheLastRecordAreATornTail() throws Exception {
        String state = directoryWithRecords(2);
        Files.write(only("log-"), new byte[4096], StandardOpenOption.APPEND);

        try (DurableFake restarted = new DurableFake(dir)) {
            assertThat(restarted.directory.warnings()).hasSize(1);
            assertThat(restarted.snapshot()).isEqualTo(state);
        }
    }

    @Test
    void aLastRecordWithAWrongChecksumIsDroppedAsTorn() throws Exception {
        directoryWithRecords(2);
        Path log = only("log-");
        byte[] bytes = Files.readAllBytes(log);
        bytes[bytes.length - 2] ^= 0x20;
        Files.write(log, bytes);

        try (DurableFake restarted = new DurableFake(dir)) {
            assertThat(restarted.directory.warnings()).hasSize(1);
            assertThat(restarted.state.workspaces().all()).hasSize(1);
        }
    }

    @Test
    void aChecksumMismatchBeforeTheEndRefusesTheDirectory() throws Exception {
        directoryWithRecords(3);
        Path log = only("log-");
        byte[] bytes = Files.readAllBytes(log);
        int firstPayload = LogFormat.HEADER_BYTES + LogFormat.FRAME_BYTES;
        bytes[firstPayload + 5] ^= 0x01;
        Files.write(log, bytes);

        refused(
                log.getFileName() + " is damaged at offset " + LogFormat.HEADER_BYTES,
                "valid records follow at offset");
    }

    @Test
    void aForeignFileRefusesTheDirectory() throws Exception {
        directoryWithRecords(1);
        Files.writeString(dir.resolve("notes.txt"), "mine");

        refused("it holds notes.txt, which is not a file of a pai-workspace-fake data directory");
    }

    @Test
    void aDirectoryOfSomethingElseIsRefusedBeforeAnythingIsWrittenToIt() throws Exception {
        Files.writeString(dir.resolve("photo.jpg"), "not ours");

        refused("it holds photo.jpg");
        assertThat(files()).containsExactly("photo.jpg");
    }

    @Test
    void aCheckpointOfANewerFormatRefusesTheDirectory() throws Exception {
        directoryWithRecords(1);
        Path checkpoint = only("state-");
        Files.writeString(checkpoint, Files.readString(checkpoint).replaceFirst("\"version\" : 1", "\"version\" : 2"));

        refused(checkpoint.getFileName() + " was written by a newer pai-workspace-fake", "format version 2");
    }

    @Test
    void aLogOfANewerFormatRefusesTheDirectory() throws Exception {
        directoryWithRecords(1);
        Path log = only("log-");
        byte[] bytes = Files.readAllBytes(log);
        ByteBuffer.wrap(bytes).putInt(LogFormat.LOG_MAGIC.length, 2);
        Files.write(log, bytes);

        refused(log.getFileName() + " was written by a newer pai-workspace-fake (log format version 2");
    }

    @Test
    void aCheckpointChangedAfterItWasWrittenRefusesTheDirectory() throws Exception {
        directoryWithRecords(1);
        Path checkpoint = only("state-");
        String edited =
                Files.readString(checkpoint).replace("\"nextWorkspaceId\" : 100001", "\"nextWorkspaceId\" : 100009");
        assertThat(edited).isNotEqualTo(Files.readString(checkpoint));
        Files.writeString(checkpoint, edited);

        refused(checkpoint.getFileName() + " does not match the length and checksum");
    }

    @Test
    void aDamagedCheckpointRefusesTheDirectory() throws Exception {
        directoryWithRecords(1);
        Path checkpoint = only("state-");
        Files.writeString(checkpoint, "{\"workspaces\":[");

        refused(checkpoint.getFileName() + " is damaged or not a checkpoint", "not valid JSON");
    }

    @Test
    void aLogThatIsNotOursRefusesTheDirectory() throws Exception {
        directoryWithRecords(1);
        Path log = only("log-");
        Files.writeString(log, "#!/bin/sh\necho this is not a log of records at all\n");

        refused(log.getFileName() + " is not a pai-workspace-fake log");
    }

    @Test
    void aLogWithoutItsCheckpointRefusesTheDirectory() throws Exception {
        directoryWithRecords(1);
        Files.delete(only("state-"));

        refused("but no checkpoint (state-N.json) it follows");
    }

    @Test
    void aLogNewerThanTheNewestCheckpointRefusesTheDirectory() throws Exception {
        directoryWithRecords(1);
        Files.copy(only("log-"), dir.resolve(LogFormat.logName(9)));

        refused(LogFormat.logName(9) + ", a log newer than its newest checkpoint");
    }

    @Test
    void aRecordThatCannotBeAppliedRefusesTheDirectory() throws Exception {
        directoryWithRecords(1);
        Path log = only("log-");
        Files.write(
                log,
                LogFormat.frame("{\"colour\":\"red\"}".getBytes(StandardCharsets.UTF_8))
                        .array(),
                StandardOpenOption.APPEND);
        Files.write(log, LogFormat.frame("{}".getBytes(StandardCharsets.UTF_8)).array(), StandardOpenOption.APPEND);

        refused("that this fake cannot apply", "unknown member \"colour\"");
    }

    @Test
    void aLogWhoseHeaderWasNotFinishedIsWrittenAgain() throws Exception {
        String state = directoryWithRecords(0);
        Path log = only("log-");
        Files.write(log, Arrays.copyOf(Files.readAllBytes(log), 11));

        try (DurableFake restarted = new DurableFake(dir)) {
            assertThat(restarted.directory.warnings())
                    .singleElement()
                    .satisfies(warning -> assertThat(warning).contains("header was incomplete"));
            assertThat(restarted.snapshot()).isEqualTo(state);
            workspace(restarted, "after");
        }
        try (DurableFake again = new DurableFake(dir)) {
            assertThat(again.state.workspaces().all()).hasSize(1);
        }
    }

    @Test
    void aPathThatIsAFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");

        assertThatThrownBy(() -> new DurableFake(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be used");
    }

    @Test
    void usersAreKeptAndTheirLatestNameWins() {
        try (DurableFake fake = new DurableFake(dir)) {
            fake.state.users().add(new User(ACCOUNT, "210000000000000001", "alice", "Alice"));
            fake.state.users().add(new User(ACCOUNT, "210000000000000001", "alice2", "Alice Two"));
            fake.state.users().add(new User("1999000000000009", "210000000000000002", "bob", "Bob"));
        }
        try (DurableFake restarted = new DurableFake(dir)) {
            assertThat(restarted.state.users().all())
                    .containsExactly(
                            new User(ACCOUNT, "210000000000000001", "alice2", "Alice Two"),
                            new User("1999000000000009", "210000000000000002", "bob", "Bob"));
        }
    }

    @Test
    void recordsOfConcurrentWritersLeaveTheSameStateAsMemory() throws Exception {
        String before;
        try (DurableFake fake = new DurableFake(dir, 16 * 1024)) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                Thread writer = new Thread(() -> {
                    for (int i = 0; i < 60; i++) {
                        Workspace workspace = workspace(fake, "t" + thread + "_" + i);
                        if (i % 3 == 0) {
                            fake.state.workspaces().remove(workspace.workspaceId());
                        } else if (i % 3 == 1) {
                            fake.state.workspaces().makeDefault(workspace.workspaceId());
                        }
                    }
                });
                writer.start();
                threads.add(writer);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            before = fake.snapshot();
        }
        try (DurableFake restarted = new DurableFake(dir)) {
            assertThat(restarted.snapshot()).isEqualTo(before);
        }
    }
}

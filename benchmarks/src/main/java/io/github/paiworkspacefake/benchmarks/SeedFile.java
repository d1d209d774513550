package io.github.paiworkspacefake.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A seed file (the format of {@code --seed}) with many workspaces of the fake's own account, created one second
 * apart, ids from {@link #FIRST_ID} on.
 */
final class SeedFile {

    /** The id of the first workspace written. */
    static final long FIRST_ID = 300_001;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Instant FIRST_CREATED = Instant.parse("2024-01-01T00:00:00Z");

    private SeedFile() {}

    /** Writes {@code count} workspaces to {@code file}. */
    static void write(Path file, int count) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"workspaces\": [\n");
            for (int i = 0; i < count; i++) {
                String created = TIME.format(FIRST_CREATED.plusSeconds(i));
                out.write("{\"WorkspaceId\":\"" + (FIRST_ID + i) + "\",\"WorkspaceName\":\"bench_ws_" + i
                        + "\",\"Description\":\"benchmark workspace " + i + "\",\"EnvTypes\":[\"prod\"],"
                        + "\"GmtCreateTime\":\"" + created + "\",\"GmtModifiedTime\":\"" + created + "\"}"
                        + (i + 1 < count ? ",\n" : "\n"));
            }
            out.write("]}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

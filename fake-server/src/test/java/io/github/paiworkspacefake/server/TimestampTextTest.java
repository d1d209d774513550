package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampTextTest {

    @Test
    void writesWhatTheFormatterWritesForRandomAndBoundaryInstants() {
        Random random = new Random(17);
        long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long end = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(first + Math.floorMod(random.nextLong(), end - first),
                    random.nextInt(1_000_000_000));
            assertThat(WorkspaceResponses.timestamp(instant)).isEqualTo(WorkspaceResponses.TIMESTAMP.format(instant));
        }
        for (String text : new String[] {"0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                "+10000-01-01T00:00:00Z", "0000-12-31T23:59:59.999Z", "-0001-06-01T00:00:00Z", "1970-01-01T00:00:00Z",
                "2024-02-29T12:34:56.789Z", "2021-01-21T17:12:35.232Z"}) {
            Instant instant = Instant.parse(text);
            assertThat(WorkspaceResponses.timestamp(instant)).as(text)
                    .isEqualTo(WorkspaceResponses.TIMESTAMP.format(instant));
        }
        assertThat(WorkspaceResponses.timestamp(Instant.parse("2021-01-21T17:12:35.232Z")))
                .isEqualTo("2021-01-21T17:12:35.232Z");
    }
}

package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.server.internal.domain.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The API's time text, written digit by digit, is what the formatter would write. */
class TimestampTextTest {

    private static final DateTimeFormatter FORMATTER =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void writesWhatTheFormatterWritesForRandomAndBoundaryInstants() {
        Random random = new Random(17);
        long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long end = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(
                    first + Math.floorMod(random.nextLong(), end - first), random.nextInt(1_000_000_000));
            assertThat(Json.timestamp(instant)).isEqualTo(FORMATTER.format(instant));
        }
        for (String text : new String[] {
            "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "+10000-01-01T00:00:00Z",
            "0000-12-31T23:59:59.999Z",
            "-0001-06-01T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "2024-02-29T12:34:56.789Z",
            "2021-01-21T17:12:35.232Z"
        }) {
            Instant instant = Instant.parse(text);
            assertThat(Json.timestamp(instant)).as(text).isEqualTo(FORMATTER.format(instant));
        }
        assertThat(Json.timestamp(Instant.parse("2021-01-21T17:12:35.232Z"))).isEqualTo("2021-01-21T17:12:35.232Z");
    }
}

package io.github.paiworkspacefake.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock test code moves by hand: {@code clock.now = clock.now.plusSeconds(30)}. */
public final class MutableClock extends Clock {

    /** The instant the clock reads. */
    public volatile Instant now;

    /** A clock that reads {@code start} until moved. */
    public MutableClock(Instant start) {
        this.now = start;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}

package io.github.paiworkspacefake.server.internal.durable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The log of the current generation, open for appending, with group commit: a committing thread appends its record
 * while it has the writer's turn, gives the turn up, and then waits until the log is forced to disk up to its record's
 * end. One waiting thread at a time forces the log; every record appended before it started is durable when it
 * returns, so records of many threads share one {@code fdatasync}.
 */
final class LogSegment {

    private final Path path;
    private final long generation;
    private final FileChannel channel;
    private final Object monitor = new Object();

    /** Where the next record goes: the end of what has been written. Changed only by the writer. */
    private volatile long written;

    /** How far the log is known to be on disk. */
    private long durable;

    private boolean forcing;

    LogSegment(Path path, long generation, FileChannel channel, long end) {
        this.path = path;
        this.generation = generation;
        this.channel = channel;
        this.written = end;
        this.durable = end;
    }

    Path path() {
        return path;
    }

    long generation() {
        return generation;
    }

    /** The log's length, records not yet forced included. */
    long size() {
        return written;
    }

    /** Appends a framed record (the caller has the writer's turn); returns the offset where it ends. */
    long append(ByteBuffer frame) throws IOException {
        long at = written;
        while (frame.hasRemaining()) {
            at += channel.write(frame, at);
        }
        written = at;
        return at;
    }

    /** Waits until the log is on disk up to {@code end}, forcing it unless another thread is doing so. */
    void awaitDurable(long end) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                synchronized (monitor) {
                    while (durable < end && forcing) {
                        try {
                            monitor.wait();
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                    if (durable >= end) {
                        return;
                    }
                    forcing = true;
                }
                long target = written;
                boolean forced = false;
                try {
                    channel.force(false);
                    forced = true;
                } finally {
                    synchronized (monitor) {
                        forcing = false;
                        if (forced) {
                            durable = Math.max(durable, target);
                        }
                        monitor.notifyAll();
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Forces everything written and closes the log (the caller has the writer's turn): threads still waiting for their
     * records find them durable.
     */
    void seal() throws IOException {
        boolean interrupted = false;
        synchronized (monitor) {
            while (forcing) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            forcing = true;
        }
        try {
            channel.force(false);
            synchronized (monitor) {
                durable = written;
            }
        } finally {
            synchronized (monitor) {
                forcing = false;
                monitor.notifyAll();
            }
            channel.close();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Closes the log without forcing it (the directory is being released after a failure, or was never used). */
    void abandon() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }
}

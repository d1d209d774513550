package io.github.paiworkspacefake.server.internal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request (logger {@code io.github.paiworkspacefake.requests}), written by one daemon thread so
 * that the console never holds a request up. Lines keep their order; when the writer falls far behind, requests wait
 * for room rather than lose lines.
 */
public final class RequestLog {

    private static final Logger LOG = LoggerFactory.getLogger("io.github.paiworkspacefake.requests");
    private static final BlockingQueue<String> LINES = new ArrayBlockingQueue<>(65_536);

    static {
        Thread writer = new Thread(RequestLog::write, "pai-workspace-fake-request-log");
        writer.setDaemon(true);
        writer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(RequestLog::drain, "pai-workspace-fake-request-log-flush"));
    }

    private RequestLog() {}

    /** Queues a line for the request log. */
    public static void line(String line) {
        try {
            LINES.put(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write() {
        List<String> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(LINES.take());
            } catch (InterruptedException e) {
                return;
            }
            LINES.drainTo(batch, 1_024);
            batch.forEach(LOG::info);
            batch.clear();
        }
    }

    private static void drain() {
        List<String> rest = new ArrayList<>();
        LINES.drainTo(rest);
        rest.forEach(LOG::info);
    }
}

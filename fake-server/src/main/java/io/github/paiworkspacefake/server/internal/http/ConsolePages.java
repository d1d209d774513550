package io.github.paiworkspacefake.server.internal.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The admin console's files, plain HTML, CSS and JavaScript from the jar's resources (nothing is fetched from
 * anywhere else; the page's Content-Security-Policy says so to the browser). Read on first use and kept.
 */
final class ConsolePages {

    private static final String RESOURCES = "/io/github/paiworkspacefake/server/console/";

    /** What the console's page may load and do: its own files and the admin API, nothing else, in no frame. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    /** One of the console's files, at a path under {@code /__admin}. */
    record Page(String path, String resource, String contentType) {}

    static final List<Page> PAGES = List.of(
            new Page("/console", "index.html", "text/html;charset=utf-8"),
            new Page("/console/", "index.html", "text/html;charset=utf-8"),
            new Page("/console/console.js", "console.js", "text/javascript;charset=utf-8"),
            new Page("/console/console.css", "console.css", "text/css;charset=utf-8"));

    private ConsolePages() {}

    private static final class Files {
        static final java.util.Map<String, byte[]> CONTENT = read();

        private static java.util.Map<String, byte[]> read() {
            java.util.Map<String, byte[]> content = new java.util.HashMap<>();
            for (Page page : PAGES) {
                try (InputStream in = ConsolePages.class.getResourceAsStream(RESOURCES + page.resource())) {
                    if (in == null) {
                        throw new IllegalStateException("the console's " + page.resource() + " is not in the jar");
                    }
                    content.put(page.resource(), in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return java.util.Map.copyOf(content);
        }
    }

    /** Answers with the page, marked as not to be framed, sniffed or kept stale. */
    static void answer(Context ctx, Exchange exchange, Page page) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-cache");
        exchange.answer(ctx, 200, page.contentType(), Files.CONTENT.get(page.resource()));
    }
}

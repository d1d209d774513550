package io.github.paiworkspacefake.server.standalone;

import io.github.paiworkspacefake.server.OfficialImage;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone fake: {@code java -jar pai-workspace-fake-server.jar [--port N] [--host H] [--region R] ...}.
 * It logs one line per request and stops cleanly on SIGTERM or Ctrl-C. A bad command line or seed file exits with
 * status 2 and says what is wrong.
 */
public final class PaiWorkspaceFakeMain {

    /** The port the standalone fake listens on unless {@code --port} says otherwise. */
    public static final int DEFAULT_PORT = 8080;

    private static final String USAGE =
            """
            Usage: java -jar pai-workspace-fake-server.jar [options]

            An in-memory fake of the Alibaba Cloud PAI Workspace API (2021-02-04).

            Options:
              --port N      port to listen on (default %d; 0 picks a free port)
              --host H      address to bind (default %s)
              --region R    region id the fake serves (default %s)
              --access-key ID:SECRET[:ACCOUNT_ID]
                            accept requests signed with this AccessKey (repeatable); any
                            key turns strict signature checking on. ACCOUNT_ID (digits)
                            makes the key act as another account, isolated from the
                            others. A SECRET containing ':' needs ACCOUNT_ID after it,
                            or an empty one for the fake's own account: ID:SE:CRET:
              --seed FILE   start with the workspaces of this seed file or snapshot (with
                            --data-dir: only when the directory holds no state yet)
              --data-dir DIR
                            keep the state in DIR across restarts: load what it holds at
                            start, and write every change there before answering it, so
                            that a kill at any moment loses nothing acknowledged. Created
                            when missing; one process at a time (a lock). Without it the
                            fake is in memory only and nothing touches the disk. Faults,
                            the request journal and pending lifecycles are not kept.
                            docs/persistence.md: format, guarantees, recovery
              --admin[=true|false]
                            serve the admin API (faults, lifecycle, request journal,
                            snapshots, reset) under /__admin; off by default
              --admin-allow CIDR[,CIDR...]
                            also let clients from these address blocks use the admin
                            API (repeatable; needs --admin); loopback clients always may
              --lenient[=true|false]
                            ignore request parameters the fake knows but does not honour
                            (docs/coverage.md names them) instead of refusing them with
                            400 UnsupportedParameter; off by default
              --example-images[=true|false]
                            hold the example set of official images (OfficialImage.EXAMPLES:
                            PyTorch, TensorFlow, XGBoost, Hugging Face, vLLM) from the
                            start and after every reset; off by default (no official images)
              --help        print this help and exit
            """.formatted(DEFAULT_PORT, PaiWorkspaceFake.DEFAULT_HOST, PaiWorkspaceFake.DEFAULT_REGION_ID);

    private PaiWorkspaceFakeMain() {}

    /** Starts the fake and blocks until the JVM is asked to stop. */
    public static void main(String[] args) throws InterruptedException {
        quietServerLogs();
        StandaloneOptions options;
        try {
            options = StandaloneOptions.parse(args, DEFAULT_PORT);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println();
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(USAGE);
            return;
        }
        PaiWorkspaceFake.Builder builder = PaiWorkspaceFake.builder()
                .host(options.host())
                .port(options.port())
                .regionId(options.regionId())
                .logRequests(true)
                .adminApi(options.adminApi())
                .lenient(options.lenient());
        options.adminAllow().forEach(builder::adminAllow);
        if (options.exampleImages()) {
            builder.officialImages(OfficialImage.examples());
        }
        options.accessKeys().forEach(key -> key.applyTo(builder));
        if (options.dataDirectory() != null) {
            builder.dataDirectory(options.dataDirectory());
        }
        PaiWorkspaceFake fake;
        try {
            fake = builder.build();
        } catch (IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (options.seedFile() != null && fake.resumed()) {
            System.out.println("The data directory " + options.dataDirectory() + " holds state from an earlier run: "
                    + "the seed file " + options.seedFile() + " is not loaded again.");
        } else if (options.seedFile() != null) {
            try {
                fake.load(options.seedFile());
            } catch (IllegalArgumentException e) {
                fake.close();
                System.err.println("error: " + e.getMessage());
                System.exit(2);
                return;
            }
        }
        try {
            fake.start();
        } catch (RuntimeException e) {
            fake.close();
            System.err.println(
                    "error: could not listen on " + options.host() + ":" + options.port() + ": " + rootMessage(e));
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            fake.close();
                            System.out.println("PAI Workspace fake stopped.");
                            stopped.countDown();
                        },
                        "pai-workspace-fake-shutdown"));
        announce(System.out, fake, options);
        stopped.await();
    }

    private static void announce(PrintStream out, PaiWorkspaceFake fake, StandaloneOptions options) {
        out.println("PAI Workspace fake listening on " + fake.baseUrl() + " (region " + fake.regionId()
                + ", account " + fake.account().accountId()
                + (fake.requiresSignatures() ? ", signatures checked" : ", signatures not checked")
                + (fake.lenient() ? ", lenient" : "")
                + fake.dataDirectory()
                        .map(dir -> ", state kept in " + dir + (fake.resumed() ? " (resumed)" : " (new)"))
                        .orElse("")
                + "). " + console(fake, options) + " Stop with Ctrl-C.");
        out.flush();
    }

    /** Where the console is and who may open it, or that it is off. */
    static String console(PaiWorkspaceFake fake, StandaloneOptions options) {
        if (!options.adminApi()) {
            return "Console and admin API off (--admin turns them on).";
        }
        String host = options.host();
        boolean wildcard = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
        String address = wildcard ? "http://localhost:" + fake.port() : fake.baseUrl();
        return "Console: " + address + "/__admin/console (admin API under /__admin), for loopback clients"
                + (options.adminAllow().isEmpty() ? " only." : " and " + String.join(", ", options.adminAllow()) + ".");
    }

    /** With the bundled slf4j-simple: the fake's own lines at INFO, Jetty and Javalin only when they warn. */
    public static void quietServerLogs() {
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.io.javalin", "warn");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}

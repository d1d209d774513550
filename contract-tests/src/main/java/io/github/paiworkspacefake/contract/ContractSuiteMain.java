package io.github.paiworkspacefake.contract;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;

/**
 * {@code java -jar pai-workspace-contract-tests.jar --endpoint URL [--region R] [--allow-create] [--report-dir DIR]}:
 * checks an implementation and exits 0 only when every selected check passed.
 */
public final class ContractSuiteMain {

    private static final String USAGE = """
            Usage: java -jar pai-workspace-contract-tests.jar --endpoint URL [options]

            Checks a PAI Workspace API implementation (the fake or the real service) against the reference.
            Credentials come from ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET.

            Options:
              --endpoint URL     base URL, e.g. http://127.0.0.1:8080 or https://aiworkspace.cn-hangzhou.aliyuncs.com
              --region R         region id (default cn-hangzhou)
              --allow-create     also run checks that create workspaces (they cost quota on a real account)
              --report-dir DIR   write a JUnit XML report there
              --help             print this help
            """;

    private ContractSuiteMain() {
    }

    /** Runs the suite; exit status 0 when every check passed, 1 when one failed, 2 for a bad command line. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String endpoint = null;
        String region = "cn-hangzhou";
        boolean allowCreate = false;
        Path reportDir = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--help", "-h" -> {
                        out.print(USAGE);
                        return 0;
                    }
                    case "--endpoint" -> endpoint = next(args, ++i, "--endpoint");
                    case "--region" -> region = next(args, ++i, "--region");
                    case "--allow-create" -> allowCreate = true;
                    case "--report-dir" -> reportDir = Path.of(next(args, ++i, "--report-dir"));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (endpoint == null) {
                throw new IllegalArgumentException("--endpoint is required");
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        String keyId = System.getenv(ContractConfig.ACCESS_KEY_ID_ENV);
        String secret = System.getenv(ContractConfig.ACCESS_KEY_SECRET_ENV);
        ContractConfig config = new ContractConfig(URI.create(endpoint.replaceAll("/+$", "")), region,
                keyId == null ? "LTAI5tContractSuite" : keyId, secret == null ? "ContractSuiteSecret" : secret, allowCreate);
        out.println("Contract suite against " + config.endpoint() + " (region " + region + ", "
                + (allowCreate ? "creating checks included" : "read-only checks only; --allow-create adds creating checks") + ")");
        ContractResult result = ContractSuite.run(config, reportDir, out);
        out.println();
        out.println(result.checks().size() + " checks: " + (result.checks().size() - result.failures().size()) + " passed, "
                + result.failures().size() + " failed");
        if (!result.created().isEmpty()) {
            out.println("Workspaces created: " + String.join(", ", result.created()));
        }
        if (reportDir != null) {
            out.println("JUnit XML report: " + reportDir.toAbsolutePath());
        }
        return result.passed() ? 0 : 1;
    }

    private static String next(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}

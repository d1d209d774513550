package io.github.paiworkspacefake.contract;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code java -jar pai-workspace-contract-tests.jar --endpoint URL [--region R] [--allow-create] [--allow-create-default]
 * [--resource-group RG] [--deletion-timeout SECONDS] [--allow-product-orders] [--no-cleanup] [--report-dir DIR]}: checks an implementation and
 * exits 0 only when no check failed.
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
                                 and make the first user ListWorkspaceUsers offers a member of some of them;
                                 the run deletes them, members included, at the end unless --no-cleanup
              --allow-create-default
                                 when the account has no default workspace, create it (CreateDefaultWorkspace)
                                 and check it; on a real account this is a one-time account setup that cannot
                                 be undone, so it is never implied by --allow-create. With --allow-create it
                                 also lets the run switch the default to a workspace it created
                                 (UpdateDefaultWorkspace) and back
              --resource-group RG
                                 a second resource group of the account: with --allow-create, a workspace the
                                 run created is moved there (ChangeResourceGroup); without it that check is
                                 skipped, since a real account refuses an arbitrary id
              --deletion-timeout SECONDS
                                 how long a deleted workspace may still be found (default 120; the real
                                 service may delete asynchronously), and a custom role's job may run
              --allow-product-orders
                                 with --allow-create, also place a pay-as-you-go PAI_share order
                                 (CreateProductOrders) and check it; on a real account that is a purchase,
                                 so it is never implied by any other option
              --cleanup          delete the workspaces this run created, at the end (the default)
              --no-cleanup       keep them; the summary lists them
              --report-dir DIR   write a JUnit XML report there
              --help             print this help

            Exit status: 0 when no check failed, 1 when one failed, 2 for a bad command line.
            """;

    private ContractSuiteMain() {}

    /** Runs the suite; exit status 0 when every check passed, 1 when one failed, 2 for a bad command line. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String endpoint = null;
        String region = "cn-hangzhou";
        boolean allowCreate = false;
        boolean allowCreateDefault = false;
        boolean allowProductOrders = false;
        boolean cleanup = true;
        String resourceGroup = "";
        Duration deletionTimeout = ContractConfig.DEFAULT_DELETION_TIMEOUT;
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
                    case "--allow-create-default" -> allowCreateDefault = true;
                    case "--allow-product-orders" -> allowProductOrders = true;
                    case "--cleanup" -> cleanup = true;
                    case "--no-cleanup" -> cleanup = false;
                    case "--resource-group" -> resourceGroup = next(args, ++i, "--resource-group");
                    case "--deletion-timeout" ->
                        deletionTimeout = ContractConfig.parseTimeout(next(args, ++i, "--deletion-timeout"));
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
        ContractConfig config = new ContractConfig(
                URI.create(endpoint.replaceAll("/+$", "")),
                region,
                keyId == null ? "LTAI5tContractSuite" : keyId,
                secret == null ? "ContractSuiteSecret" : secret,
                allowCreate,
                allowCreateDefault,
                cleanup,
                resourceGroup,
                deletionTimeout,
                allowProductOrders);
        out.println("Contract suite against " + config.endpoint() + " (region " + region + "; "
                + (allowCreate
                        ? "creating checks included, " + (cleanup ? "cleanup on" : "cleanup off")
                        : "read-only: --allow-create adds the creating checks")
                + (allowCreateDefault ? "; may create the default workspace and switch it" : "")
                + (allowProductOrders ? "; may place a product order (a purchase)" : "")
                + (config.hasResourceGroup() ? "; may move a workspace to " + config.resourceGroupId() : "") + ")");
        ContractResult result = ContractSuite.run(config, reportDir, out);
        printSummary(result, out);
        if (reportDir != null) {
            out.println("JUnit XML report: " + reportDir.toAbsolutePath());
        }
        return result.passed() ? 0 : 1;
    }

    private static void printSummary(ContractResult result, PrintStream out) {
        out.println();
        out.println(result.checks().size() + " checks: "
                + result.checks().stream().filter(ContractResult.Check::passed).count() + " passed, "
                + result.failures().size() + " failed, " + result.skipped().size() + " skipped");
        if (result.resources().isEmpty()) {
            out.println("Created by this run: nothing");
            return;
        }
        out.println("Created by this run: " + result.resources().size());
        for (int i = 0; i < result.resources().size(); i++) {
            ContractResult.Cleanup cleanup = result.cleanup().get(i);
            out.println("  " + result.resources().get(i).describe() + ": "
                    + switch (cleanup.state()) {
                        case DELETED -> cleanup.detail().isEmpty() ? "deleted" : "deleted (" + cleanup.detail() + ")";
                        case KEPT -> "kept (" + cleanup.detail() + ")";
                        case NOT_DELETED -> "NOT DELETED";
                    });
        }
        List<ContractResult.Cleanup> notDeleted = result.notDeleted();
        if (!notDeleted.isEmpty()) {
            out.println("Could not delete " + notDeleted.size() + " workspace(s); delete them by hand:");
            notDeleted.forEach(cleanup -> out.println("  " + cleanup.workspaceId() + ": " + cleanup.detail()));
        }
    }

    private static String next(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}

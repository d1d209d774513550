package io.github.paiworkspacefake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.Workspace;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Cleanup at the end of a run, against the fake, which deletes through DeleteWorkspace
 * ({@code DELETE /api/v1/workspaces/{WorkspaceId}}). A proxy in between records each DeleteWorkspace request and can
 * refuse the deletion of one workspace, to show what a run reports when it cannot delete.
 */
class RunCleanupTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /** What happens to the DeleteWorkspace request for the oldest workspace, which no check deletes. */
    private enum Oldest {
        /** It is forwarded like every other. */
        FORWARDED,
        /** It is refused with a 500. */
        REFUSED,
        /** Someone else deletes the workspace just before; the request is then forwarded. */
        ALREADY_GONE
    }

    /** What the proxy saw of DeleteWorkspace requests; it forwards them, and treats the oldest workspace's as told. */
    private static final class DeleteWorkspaceObserver implements MutatingProxy.LocalAnswer {
        final List<MutatingProxy.Exchange> requests = new CopyOnWriteArrayList<>();
        private final PaiWorkspaceFake fake;
        private final Oldest oldest;

        DeleteWorkspaceObserver(PaiWorkspaceFake fake, Oldest oldest) {
            this.fake = fake;
            this.oldest = oldest;
        }

        @Override
        public MutatingProxy.Exchange answer(MutatingProxy.Exchange request) {
            if (!request.isDeleteWorkspace()) {
                return null;
            }
            requests.add(request);
            String oldestId =
                    fake.workspaces().isEmpty() ? "" : fake.workspaces().get(0).workspaceId();
            if (oldest == Oldest.FORWARDED || !request.pathAndQuery.equals("/api/v1/workspaces/" + oldestId)) {
                return null;
            }
            if (oldest == Oldest.ALREADY_GONE) {
                fake.deleteWorkspace(oldestId);
                return null;
            }
            String requestId = UUID.randomUUID().toString();
            request.status = 500;
            request.responseBody = "{\"RequestId\":\"" + requestId
                    + "\",\"HostId\":\"h\",\"Code\":\"InternalError\",\"Message\":\"try later\"}";
            request.responseHeaders.put("x-acs-request-id", requestId);
            return request;
        }

        List<String> idsAskedToDelete() {
            return requests.stream()
                    .map(request -> request.pathAndQuery.substring("/api/v1/workspaces/".length()))
                    .toList();
        }

        /** The ids asked to delete that the run created (leaving out the unknown WorkspaceIds checks send to). */
        List<String> createdIdsAskedToDelete(ContractResult result) {
            return idsAskedToDelete().stream()
                    .filter(result.created()::contains)
                    .toList();
        }
    }

    /** A run's result, what the proxy saw, the workspaces left in the fake, and the run's first (oldest) workspace. */
    private record Run(ContractResult result, DeleteWorkspaceObserver observer, List<String> stored, String oldest) {}

    private static Run run(ContractConfig settings) throws IOException {
        return run(settings, Oldest.FORWARDED);
    }

    /**
     * A run through the observing proxy, which treats the deletion of the oldest workspace (no check deletes it: the
     * first creating check made it) as told.
     */
    private static Run run(ContractConfig settings, Oldest oldest) throws IOException {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            DeleteWorkspaceObserver observer = new DeleteWorkspaceObserver(fake, oldest);
            try (MutatingProxy proxy =
                    new MutatingProxy(fake.baseUrl(), UnaryOperator.identity(), observer, UnaryOperator.identity())) {
                ContractConfig config = new ContractConfig(
                        URI.create(proxy.baseUrl()),
                        settings.regionId(),
                        settings.accessKeyId(),
                        settings.accessKeySecret(),
                        settings.allowCreate(),
                        settings.allowCreateDefault(),
                        settings.cleanup());
                ContractResult result = ContractSuite.run(config, null, QUIET);
                return new Run(
                        result,
                        observer,
                        fake.workspaces().stream().map(Workspace::workspaceId).toList(),
                        result.created().isEmpty() ? "" : result.created().get(0));
            }
        }
    }

    private static ContractConfig settings() {
        return new ContractConfig(URI.create("http://unused"), "cn-hangzhou", "ak", "sk", true);
    }

    /** The run's workspaces that a check deleted (and saw gone) before cleanup. */
    private static List<String> deletedByChecks(ContractResult result) {
        return result.cleanup().stream()
                .filter(cleanup -> cleanup.detail().startsWith("deleted by the check "))
                .map(ContractResult.Cleanup::workspaceId)
                .toList();
    }

    @Test
    void deletesEveryWorkspaceTheRunCreatedWithSignedDeleteWorkspaceRequestsAndLeavesNoneBehind() throws IOException {
        Run run = run(settings());
        List<String> deletedByChecks = deletedByChecks(run.result());

        assertThat(run.result().passed()).isTrue();
        assertThat(run.stored()).as("workspaces left in the fake").isEmpty();
        assertThat(run.result().created()).hasSizeGreaterThan(10);
        assertThat(deletedByChecks).as("deleted by the DeleteWorkspace check").hasSize(1);
        assertThat(run.observer().createdIdsAskedToDelete(run.result()))
                .containsExactlyInAnyOrderElementsOf(run.result().created());
        assertThat(run.observer().idsAskedToDelete())
                .as("and the unknown WorkspaceIds of the read-only check and of the probe of every operation")
                .hasSize(run.result().created().size() + 2);
        assertThat(run.result().cleanup())
                .extracting(ContractResult.Cleanup::state)
                .containsOnly(ContractResult.CleanupState.DELETED);
        assertThat(run.result().notDeleted()).isEmpty();
        assertThat(run.observer().requests).allSatisfy(request -> {
            assertThat(request.requestHeaders).containsEntry("x-acs-action", "DeleteWorkspace");
            assertThat(request.requestHeaders.get("authorization")).startsWith("ACS3-HMAC-SHA256 Credential=ak,");
            assertThat(request.requestBody).isEmpty();
        });
    }

    @Test
    void listsWhatItCouldNotDeleteWithTheAnswerAndStillPassesTheChecks() throws IOException {
        Run run = run(settings(), Oldest.REFUSED);

        assertThat(run.result().passed()).isTrue();
        assertThat(run.result().notDeleted()).singleElement().satisfies(cleanup -> {
            assertThat(cleanup.workspaceId()).isEqualTo(run.oldest());
            assertThat(cleanup.detail()).contains("HTTP 500", "InternalError");
        });
        assertThat(run.stored())
                .as("only the workspace whose deletion failed is left")
                .containsExactly(run.oldest());
        assertThat(run.result().cleanup())
                .filteredOn(cleanup -> !cleanup.workspaceId().equals(run.oldest()))
                .extracting(ContractResult.Cleanup::state)
                .containsOnly(ContractResult.CleanupState.DELETED);
    }

    @Test
    void reportsAWorkspaceSomeoneElseDeletedAsAlreadyGone() throws IOException {
        Run run = run(settings(), Oldest.ALREADY_GONE);

        assertThat(run.result().passed()).isTrue();
        assertThat(run.result().notDeleted()).isEmpty();
        assertThat(run.result().cleanup())
                .filteredOn(cleanup -> cleanup.workspaceId().equals(run.oldest()))
                .singleElement()
                .satisfies(cleanup -> {
                    assertThat(cleanup.state()).isEqualTo(ContractResult.CleanupState.DELETED);
                    assertThat(cleanup.detail()).startsWith("already gone: ").contains("HTTP 404", "100400027");
                });
        assertThat(run.stored()).isEmpty();
    }

    @Test
    void keepsEverythingWhenCleanupIsOffButWhatTheDeleteCheckDeleted() throws IOException {
        Run run = run(settings().withCleanup(false));
        List<String> deletedByChecks = deletedByChecks(run.result());

        assertThat(run.observer().createdIdsAskedToDelete(run.result()))
                .as("only the DeleteWorkspace check deletes")
                .containsExactlyElementsOf(deletedByChecks);
        assertThat(run.result().created()).isNotEmpty().containsAll(run.stored());
        assertThat(run.stored())
                .doesNotContainAnyElementsOf(deletedByChecks)
                .hasSize(run.result().created().size() - deletedByChecks.size());
        assertThat(run.result().cleanup())
                .filteredOn(cleanup -> !deletedByChecks.contains(cleanup.workspaceId()))
                .allSatisfy(cleanup -> {
                    assertThat(cleanup.state()).isEqualTo(ContractResult.CleanupState.KEPT);
                    assertThat(cleanup.detail()).isEqualTo("cleanup is off");
                });
    }

    @Test
    void neverDeletesTheDefaultWorkspaceItCreated() throws IOException {
        Run run = run(settings().withAllowCreateDefault(true));

        CreatedResource defaultWorkspace = run.result().resources().stream()
                .filter(resource -> resource.kind() == CreatedResource.Kind.DEFAULT_WORKSPACE)
                .findFirst()
                .orElseThrow();
        assertThat(run.observer().idsAskedToDelete()).isNotEmpty().doesNotContain(defaultWorkspace.workspaceId());
        assertThat(run.result().cleanup())
                .filteredOn(cleanup -> cleanup.workspaceId().equals(defaultWorkspace.workspaceId()))
                .singleElement()
                .extracting(ContractResult.Cleanup::state)
                .isEqualTo(ContractResult.CleanupState.KEPT);
        assertThat(run.stored()).containsExactly(defaultWorkspace.workspaceId());
    }

    @Test
    void aReadOnlyRunHasNothingToCleanUp() throws IOException {
        Run run = run(new ContractConfig(URI.create("http://unused"), "cn-hangzhou", "ak", "sk", false));

        assertThat(run.observer().idsAskedToDelete())
                .as("only the unknown WorkspaceIds of the read-only check and of the probe of every operation")
                .hasSize(2)
                .noneMatch(id -> run.result().created().contains(id));
        assertThat(run.result().cleanup()).isEmpty();
        assertThat(run.stored()).isEmpty();
    }
}

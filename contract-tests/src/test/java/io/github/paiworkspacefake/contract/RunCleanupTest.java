package io.github.paiworkspacefake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.server.PaiWorkspaceFake;
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
 * Cleanup at the end of a run, against the fake behind a proxy that answers DeleteWorkspace itself
 * ({@code DELETE /api/v1/workspaces/{WorkspaceId}}, 200 and a JSON object with a RequestId), as the API reference
 * documents it.
 */
class RunCleanupTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /** What the proxy saw of DeleteWorkspace requests, and how it answered each. */
    private static final class DeleteWorkspaceStub implements MutatingProxy.LocalAnswer {
        final List<MutatingProxy.Exchange> requests = new CopyOnWriteArrayList<>();
        private final boolean refuseTheFirst;

        DeleteWorkspaceStub(boolean refuseTheFirst) {
            this.refuseTheFirst = refuseTheFirst;
        }

        @Override
        public MutatingProxy.Exchange answer(MutatingProxy.Exchange request) {
            if (!request.isDelete()) {
                return null;
            }
            requests.add(request);
            String requestId = UUID.randomUUID().toString();
            if (refuseTheFirst && requests.size() == 1) {
                request.status = 500;
                request.responseBody = "{\"RequestId\":\"" + requestId + "\",\"HostId\":\"h\",\"Code\":\"InternalError\",\"Message\":\"try later\"}";
                request.responseHeaders.put("x-acs-request-id", requestId);
                return request;
            }
            return MutatingProxy.deleted(request, requestId);
        }

        List<String> idsAskedToDelete() {
            return requests.stream().map(request -> request.pathAndQuery.substring("/api/v1/workspaces/".length())).toList();
        }
    }

    private record Run(ContractResult result, DeleteWorkspaceStub stub, List<String> stored) {
    }

    private static Run run(ContractConfig settings, boolean refuseTheFirstDelete) throws IOException {
        DeleteWorkspaceStub stub = new DeleteWorkspaceStub(refuseTheFirstDelete);
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
             MutatingProxy proxy = new MutatingProxy(fake.baseUrl(), UnaryOperator.identity(), stub, UnaryOperator.identity())) {
            ContractConfig config = new ContractConfig(URI.create(proxy.baseUrl()), settings.regionId(), settings.accessKeyId(),
                    settings.accessKeySecret(), settings.allowCreate(), settings.allowCreateDefault(), settings.cleanup());
            ContractResult result = ContractSuite.run(config, null, QUIET);
            return new Run(result, stub, fake.workspaces().stream().map(workspace -> workspace.workspaceId()).toList());
        }
    }

    private static ContractConfig settings() {
        return new ContractConfig(URI.create("http://unused"), "cn-hangzhou", "ak", "sk", true);
    }

    @Test
    void deletesEveryWorkspaceTheRunCreatedWithSignedDeleteWorkspaceRequests() throws IOException {
        Run run = run(settings(), false);

        assertThat(run.result().passed()).isTrue();
        assertThat(run.result().created()).hasSizeGreaterThan(5).containsExactlyInAnyOrderElementsOf(run.stored());
        assertThat(run.stub().idsAskedToDelete()).containsExactlyInAnyOrderElementsOf(run.result().created());
        assertThat(run.result().cleanup()).extracting(ContractResult.Cleanup::state).containsOnly(ContractResult.CleanupState.DELETED);
        assertThat(run.result().notDeleted()).isEmpty();
        assertThat(run.stub().requests).allSatisfy(request -> {
            assertThat(request.requestHeaders).containsEntry("x-acs-action", "DeleteWorkspace");
            assertThat(request.requestHeaders.get("authorization")).startsWith("ACS3-HMAC-SHA256 Credential=ak,");
            assertThat(request.requestBody).isEmpty();
        });
    }

    @Test
    void listsWhatItCouldNotDeleteWithTheAnswerAndStillPassesTheChecks() throws IOException {
        Run run = run(settings(), true);
        String refused = run.stub().idsAskedToDelete().get(0);

        assertThat(run.result().passed()).isTrue();
        assertThat(run.result().notDeleted()).singleElement().satisfies(cleanup -> {
            assertThat(cleanup.workspaceId()).isEqualTo(refused);
            assertThat(cleanup.detail()).contains("HTTP 500", "InternalError");
        });
        assertThat(run.result().cleanup()).filteredOn(cleanup -> !cleanup.workspaceId().equals(refused))
                .extracting(ContractResult.Cleanup::state).containsOnly(ContractResult.CleanupState.DELETED);
    }

    @Test
    void keepsEverythingWhenCleanupIsOff() throws IOException {
        Run run = run(settings().withCleanup(false), false);

        assertThat(run.stub().requests).isEmpty();
        assertThat(run.result().created()).isNotEmpty().containsExactlyInAnyOrderElementsOf(run.stored());
        assertThat(run.result().cleanup()).allSatisfy(cleanup -> {
            assertThat(cleanup.state()).isEqualTo(ContractResult.CleanupState.KEPT);
            assertThat(cleanup.detail()).isEqualTo("cleanup is off");
        });
    }

    @Test
    void neverDeletesTheDefaultWorkspaceItCreated() throws IOException {
        Run run = run(settings().withAllowCreateDefault(true), false);

        CreatedResource defaultWorkspace = run.result().resources().stream()
                .filter(resource -> resource.kind() == CreatedResource.Kind.DEFAULT_WORKSPACE).findFirst().orElseThrow();
        assertThat(run.stub().idsAskedToDelete()).isNotEmpty().doesNotContain(defaultWorkspace.workspaceId());
        assertThat(run.result().cleanup()).filteredOn(cleanup -> cleanup.workspaceId().equals(defaultWorkspace.workspaceId()))
                .singleElement().extracting(ContractResult.Cleanup::state).isEqualTo(ContractResult.CleanupState.KEPT);
    }

    @Test
    void aReadOnlyRunHasNothingToCleanUp() throws IOException {
        Run run = run(new ContractConfig(URI.create("http://unused"), "cn-hangzhou", "ak", "sk", false), false);

        assertThat(run.stub().requests).isEmpty();
        assertThat(run.result().cleanup()).isEmpty();
        assertThat(run.stored()).isEmpty();
    }
}

package io.github.paiworkspacefake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Checks over every answer the run received, run after the other checks. */
@ExtendWith({ContractParameters.class, ContractPreconditions.class})
@DisplayName("whole run")
@Order(Integer.MAX_VALUE - 1)
public class RunWideContractChecks {

    @Test
    @DisplayName("Every answer carries a RequestId, unique in the run and equal to the x-acs-request-id header")
    void everyAnswerCarriesAUniqueRequestIdMatchingItsHeader(ContractRun run) {
        PaiWorkspaceApi api = run.api();
        api.getWorkspace(ReadOnlyContractChecks.unknownId(), false);
        api.getDefaultWorkspace(false);
        run.recordIfCreated(
                api.createWorkspace("{\"WorkspaceName\":\"1\"}"),
                CreatedResource.Kind.WORKSPACE,
                "1",
                "whole run > Every answer carries a RequestId");
        List<ApiResponse> answers = api.answers();

        List<String> problems = new ArrayList<>();
        Map<String, ApiResponse> seen = new HashMap<>();
        for (ApiResponse answer : answers) {
            Optional<String> requestId = answer.requestId().filter(id -> !id.isBlank());
            if (requestId.isEmpty()) {
                problems.add("no " + answer.requestIdMember() + " string in the body: " + answer);
                continue;
            }
            if (answer.requestIdHeader().isEmpty()) {
                problems.add("no x-acs-request-id header: " + answer);
            } else if (!answer.requestIdHeader().get().equals(requestId.get())) {
                problems.add("x-acs-request-id " + answer.requestIdHeader().get()
                        + " differs from the body's RequestId: " + answer);
            }
            ApiResponse earlier = seen.putIfAbsent(requestId.get(), answer);
            if (earlier != null) {
                problems.add("RequestId " + requestId.get() + " answered twice: " + earlier + " and " + answer);
            }
        }

        assertThat(problems)
                .as("%d answers of this run checked", answers.size())
                .isEmpty();
    }
}

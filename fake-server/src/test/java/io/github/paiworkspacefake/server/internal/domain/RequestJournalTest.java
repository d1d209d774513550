package io.github.paiworkspacefake.server.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.server.RecordedRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestJournalTest {

    private static RecordedRequest request(String id, int answerChars) {
        return RecordedRequest.builder()
                .method("GET")
                .path("/api/v1/workspaces/" + id)
                .time(Instant.EPOCH)
                .requestId(id)
                .answer("x".repeat(answerChars))
                .build();
    }

    @Test
    void numbersEntriesFromOneAndKeepsCountingAcrossAClear() {
        RequestJournal journal = new RequestJournal();
        assertThat(journal.record(request("a", 1))).isEqualTo(1);
        assertThat(journal.record(request("b", 1))).isEqualTo(2);

        journal.clear();

        assertThat(journal.window().requests()).isEmpty();
        assertThat(journal.record(request("c", 1))).isEqualTo(3);
        assertThat(journal.window().first()).isEqualTo(3);
        assertThat(journal.get(2)).isEmpty();
        assertThat(journal.get(3))
                .hasValueSatisfying(r -> assertThat(r.requestId()).isEqualTo("c"));
    }

    @Test
    void keepsTheLatestTenThousandOldestFirst() {
        RequestJournal journal = new RequestJournal();
        for (int i = 1; i <= RequestJournal.CAPACITY + 5; i++) {
            journal.record(request(String.valueOf(i), 10));
        }

        RequestJournal.Window window = journal.window();

        assertThat(window.requests()).hasSize(RequestJournal.CAPACITY);
        assertThat(window.first()).isEqualTo(6);
        assertThat(window.last()).isEqualTo(RequestJournal.CAPACITY + 5);
        assertThat(window.requests().get(0).requestId()).isEqualTo("6");
        assertThat(journal.all()).last().extracting(RecordedRequest::requestId).isEqualTo("10005");
    }

    @Test
    void letsTheOldestAnswersGoBeyondItsBudgetAndKeepsEverythingElse() {
        RequestJournal journal = new RequestJournal();
        int large = (int) (RequestJournal.ANSWER_BUDGET / 4);
        for (int i = 1; i <= 6; i++) {
            journal.record(request(String.valueOf(i), large));
        }

        assertThat(journal.all())
                .extracting(r -> r.answer().length())
                .containsExactly(0, 0, large, large, large, large);
        assertThat(journal.all()).extracting(RecordedRequest::requestId).containsExactly("1", "2", "3", "4", "5", "6");
    }

    @Test
    void alwaysKeepsTheNewestAnswerEvenWhenItAloneIsOverBudget() {
        RequestJournal journal = new RequestJournal();
        journal.record(request("small", 10));
        journal.record(request("huge", (int) RequestJournal.ANSWER_BUDGET + 1));

        assertThat(journal.all())
                .extracting(r -> r.answer().length())
                .containsExactly(0, (int) RequestJournal.ANSWER_BUDGET + 1);
    }

    @Test
    void masksBothSchemesSignaturesAndSecretLookingHeaders() {
        assertThat(RequestJournal.masked("authorization", "acs LTAI5tKey:c2lnbmF0dXJl+/="))
                .isEqualTo("acs LTAI5tKey:****");
        assertThat(RequestJournal.masked("authorization", "ACS3-HMAC-SHA256 Credential=K,Signature=0a1b"))
                .isEqualTo("ACS3-HMAC-SHA256 Credential=K,Signature=****");
        assertThat(RequestJournal.masked("x-acs-security-token", "t")).isEqualTo("****");
        assertThat(RequestJournal.masked("x-plain", "v")).isEqualTo("v");
    }
}

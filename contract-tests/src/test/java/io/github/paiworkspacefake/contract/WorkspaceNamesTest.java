package io.github.paiworkspacefake.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WorkspaceNamesTest {

    /** CreateWorkspace's rule: 3 to 23 letters, digits and underscores, starting with a letter. */
    private static final String VALID = "[A-Za-z][A-Za-z0-9_]{2,22}";

    @Test
    void everyLengthFromThreeToTwentyThreeGivesAValidNameOfThatLength() {
        WorkspaceNames names = new WorkspaceNames();

        IntStream.rangeClosed(3, 23)
                .forEach(
                        length -> assertThat(names.next(length)).hasSize(length).matches(VALID));
        assertThat(names.next()).matches(VALID).hasSize(17);
    }

    @Test
    void namesOfSeventeenCharactersOrMoreCarryTheRunIdAndASequence() {
        WorkspaceNames names = new WorkspaceNames();

        assertThat(names.next()).isEqualTo("pfct_" + names.runId() + "_001");
        assertThat(names.next(23)).startsWith("pfct_" + names.runId() + "_002");
        assertThat(names.runId()).matches("[a-z0-9]{8}");
    }

    @Test
    void twoRunsHaveDifferentRunIdsSoTheirNamesNeverMeet() {
        Set<String> runIds = new HashSet<>();
        IntStream.range(0, 1000).forEach(i -> runIds.add(new WorkspaceNames().runId()));

        assertThat(runIds).hasSize(1000);
    }

    @Test
    void aRunNeverRepeatsAName() {
        WorkspaceNames names = new WorkspaceNames(new Random(7));
        Set<String> seen = new HashSet<>();

        IntStream.range(0, 2000)
                .forEach(i -> assertThat(seen.add(names.next(17 + i % 7))).isTrue());
    }

    @Test
    void shortNamesUseTheWholeValidAlphabet() {
        WorkspaceNames names = new WorkspaceNames(new Random(11));
        Set<Character> first = new HashSet<>();
        Set<Character> rest = new HashSet<>();

        IntStream.range(0, 20_000).mapToObj(i -> names.next(3)).forEach(name -> {
            first.add(name.charAt(0));
            rest.add(name.charAt(1));
            rest.add(name.charAt(2));
        });

        assertThat(first).hasSize(52);
        assertThat(rest).hasSize(63);
    }

    @Test
    void refusesLengthsTheReferenceForbids() {
        WorkspaceNames names = new WorkspaceNames();

        assertThatThrownBy(() -> names.next(2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> names.next(24)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.github.paiworkspacefake.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What one check created inside its workspace (experiments, runs, images), deleted when the check ends whatever
 * happened: on the real service a workspace's deletion does not release what it holds. A resource whose deletion
 * answers 200, or 404 (already gone), is gone; any other answer fails the check with the request to repeat by hand.
 */
final class Leftovers {

    private record Leftover(String what, Supplier<ApiResponse> delete) {}

    private final List<Leftover> leftovers = new ArrayList<>();

    /** Remembers how to delete something the check created; the last registered is deleted first. */
    void add(String what, Supplier<ApiResponse> delete) {
        leftovers.add(0, new Leftover(what, delete));
    }

    /** Forgets something a check deleted itself. */
    void forget(String what) {
        leftovers.removeIf(leftover -> leftover.what().equals(what));
    }

    /** Deletes everything remembered; fails naming what could not be deleted. */
    void deleteAll() {
        List<String> failures = new ArrayList<>();
        for (Leftover leftover : leftovers) {
            try {
                ApiResponse answer = leftover.delete().get();
                if (answer.status() != 200 && answer.status() != 404) {
                    failures.add(leftover.what() + ": " + answer);
                }
            } catch (RuntimeException e) {
                failures.add(leftover.what() + ": " + e.getMessage());
            }
        }
        leftovers.clear();
        if (!failures.isEmpty()) {
            throw new AssertionError(
                    "could not delete what the check created; delete it by hand:\n  " + String.join("\n  ", failures));
        }
    }
}

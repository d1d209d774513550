package io.github.paiworkspacefake.server.internal.pipeline;

/** What one operation does with a parsed, validated call: the domain's work, no HTTP and no JSON. */
@FunctionalInterface
public interface Behaviour {

    /** Performs the call; a refusal is an {@link io.github.paiworkspacefake.server.internal.domain.ApiException}. */
    Answer perform(Call call);
}

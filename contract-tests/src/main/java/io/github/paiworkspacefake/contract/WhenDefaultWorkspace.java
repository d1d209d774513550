package io.github.paiworkspacefake.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Runs a check only when the account's default workspace is in the given situation; otherwise it is reported skipped. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface WhenDefaultWorkspace {

    /** The situation the check needs. */
    Situation value();

    /** What a check may need of the default workspace. */
    enum Situation {
        /** There is one, found or created by the run (and when setting it up failed, the check runs and fails). */
        PRESENT,
        /** There is none and the run did not try to create one. */
        ABSENT,
        /** This run called CreateDefaultWorkspace. */
        CREATED_BY_RUN
    }
}

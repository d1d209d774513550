package io.github.paiworkspacefake.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a member check only when the run has what it needs (see {@link MemberSetup}); otherwise it is reported skipped
 * with the reason. When finding it went wrong, the check runs and fails with the problem.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface WhenMemberSetup {

    /** What the check needs. */
    Requirement value();

    /** What a member check may need. */
    enum Requirement {
        /** A workspace the run can read: the account's default workspace, or with --allow-create one the run created. */
        READABLE_WORKSPACE,
        /** With --allow-create, a user of the account who can be added to a workspace the run created. */
        ADDABLE_USER
    }
}

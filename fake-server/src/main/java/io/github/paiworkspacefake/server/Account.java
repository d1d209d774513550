package io.github.paiworkspacefake.server;

import java.util.Objects;

/**
 * The Alibaba Cloud account a request acts as. It owns workspaces, appears as their {@code Creator} and
 * {@code Owner}, and scopes names and the default workspace: two accounts never see each other's workspaces.
 *
 * @param accountId   the account UID, reported as {@code Creator}, {@code Owner.UserId} and {@code Owner.UserKp}
 * @param userName    reported as {@code Owner.UserName} and in {@code AdminNames}
 * @param displayName reported as {@code Owner.DisplayName}
 * @param tenantId    reported as {@code ExtraInfos.TenantId}
 */
public record Account(String accountId, String userName, String displayName, String tenantId) {

    /** The account a fake acts as unless told otherwise. */
    public static final Account DEFAULT =
            new Account("1557000000000001", "pai_fake_admin", "pai_fake_admin", "428600000000098");

    /** Checks that every field is present. */
    public Account {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(tenantId, "tenantId");
    }

    /** An account whose user and display name are {@code userName} and whose tenant id is its account id. */
    public static Account of(String accountId, String userName) {
        return new Account(accountId, userName, userName, accountId);
    }
}

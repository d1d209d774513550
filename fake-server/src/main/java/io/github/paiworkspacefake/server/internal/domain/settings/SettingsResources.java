package io.github.paiworkspacefake.server.internal.domain.settings;

import io.github.paiworkspacefake.server.internal.catalogue.Catalogue;
import io.github.paiworkspacefake.server.internal.catalogue.ResourceSpec;

/**
 * The resource engine's types of the workspace-settings families, as overlay-workspace-settings.json declares them:
 * their names, in one place.
 */
public final class SettingsResources {

    /** A workspace configuration ({@code wc-...}). */
    public static final String CONFIG = "Config";
    /** A user configuration of an account. */
    public static final String USER_CONFIG = "UserConfig";
    /** A connection ({@code conn-...}). */
    public static final String CONNECTION = "Connection";
    /** A custom workspace role ({@code role-...}). */
    public static final String ROLE = "WorkspaceRole";
    /** The job of a role's creation, update or deletion. */
    public static final String JOB = "InstanceJob";
    /** A computing resource attached to a workspace. */
    public static final String WORKSPACE_RESOURCE = "WorkspaceResource";
    /** A resource quota of an account. */
    public static final String QUOTA = "Quota";
    /** A product's state for an account (purchased, may be purchased), overriding the default. */
    public static final String PRODUCT = "Product";
    /** A service's state for an account (open), overriding the default. */
    public static final String SERVICE = "ProductService";
    /** A product order placed. */
    public static final String ORDER = "ProductOrder";
    /** A feature enabled for an account. */
    public static final String FEATURE = "Feature";
    /** A prompt ({@code pmt-...}). */
    public static final String PROMPT = "Prompt";

    private SettingsResources() {}

    /** The type of this name. */
    public static ResourceSpec type(String name) {
        return Catalogue.get()
                .resource(name)
                .orElseThrow(() -> new IllegalStateException("the catalogue declares no resource type " + name));
    }
}

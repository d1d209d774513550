package io.github.paiworkspacefake.junit;

import com.aliyun.teaopenapi.models.Config;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;

/**
 * The official SDK's {@link Config} for a fake, for code outside the extension's parameter injection:
 * {@code new com.aliyun.aiworkspace20210204.Client(PaiWorkspaceFakeSdk.config(fake))}. Needs tea-openapi on the
 * classpath.
 */
public final class PaiWorkspaceFakeSdk {

    private PaiWorkspaceFakeSdk() {}

    /** A Config pointed at the fake over http with the credentials it accepts. */
    public static Config config(PaiWorkspaceFake fake) {
        return new Config()
                .setEndpoint(fake.endpoint())
                .setProtocol("http")
                .setRegionId(fake.regionId())
                .setAccessKeyId(fake.accessKeyId())
                .setAccessKeySecret(fake.accessKeySecret());
    }
}

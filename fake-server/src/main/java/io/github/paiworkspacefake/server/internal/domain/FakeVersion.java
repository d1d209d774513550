package io.github.paiworkspacefake.server.internal.domain;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The fake's own version, as the build wrote it, for answers that name it. */
public final class FakeVersion {

    /** Such as {@code 0.1.0-SNAPSHOT}; {@code unknown} when the version file is missing. */
    public static final String VERSION = read();

    private FakeVersion() {}

    private static String read() {
        try (InputStream in =
                FakeVersion.class.getResourceAsStream("/io/github/paiworkspacefake/server/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}

package io.github.paiworkspacefake.server.standalone;

import io.github.paiworkspacefake.server.AccessKeySpec;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The standalone jar's command line. Options with a value take it as the next argument or after {@code =}
 * ({@code --port 9000}, {@code --port=9000}); switches are on when named and accept an explicit
 * {@code =true} or {@code =false}. Anything else is an {@link IllegalArgumentException} naming the argument.
 */
public record StandaloneOptions(
        boolean help,
        String host,
        int port,
        String regionId,
        List<AccessKeySpec> accessKeys,
        boolean adminApi,
        List<String> adminAllow,
        Path seedFile,
        boolean lenient,
        boolean exampleImages,
        Path dataDirectory) {

    public static StandaloneOptions parse(String[] args, int defaultPort) {
        boolean help = false;
        String host = PaiWorkspaceFake.DEFAULT_HOST;
        int port = defaultPort;
        String regionId = PaiWorkspaceFake.DEFAULT_REGION_ID;
        List<AccessKeySpec> accessKeys = new ArrayList<>();
        boolean adminApi = false;
        List<String> adminAllow = new ArrayList<>();
        Path seedFile = null;
        boolean lenient = false;
        Path dataDirectory = null;
        boolean exampleImages = false;
        int i = 0;
        while (i < args.length) {
            String arg = args[i++];
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            String inline = equals < 0 ? null : arg.substring(equals + 1);
            if (isSwitch(name)) {
                boolean on = switchValue(name, inline);
                switch (name) {
                    case "--admin" -> adminApi = on;
                    case "--lenient" -> lenient = on;
                    case "--example-images" -> exampleImages = on;
                    default -> help = on;
                }
                continue;
            }
            if (!isValued(name)) {
                throw new IllegalArgumentException("unknown option " + arg);
            }
            String value;
            if (inline != null) {
                value = inline;
            } else if (i < args.length) {
                value = args[i++];
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
            switch (name) {
                case "--seed" -> seedFile = Path.of(nonEmpty(name, value));
                case "--data-dir" -> dataDirectory = Path.of(nonEmpty(name, value));
                case "--host" -> host = nonEmpty(name, value);
                case "--region" -> regionId = nonEmpty(name, value);
                case "--port" -> port = portNumber(value);
                case "--access-key" -> accessKeys.add(accessKey(value));
                default -> adminAllow.addAll(addressRanges(value));
            }
        }
        if (!adminAllow.isEmpty() && !adminApi) {
            throw new IllegalArgumentException("--admin-allow needs --admin: the admin API is off");
        }
        return new StandaloneOptions(
                help,
                host,
                port,
                regionId,
                List.copyOf(accessKeys),
                adminApi,
                List.copyOf(adminAllow),
                seedFile,
                lenient,
                exampleImages,
                dataDirectory);
    }

    private static boolean isSwitch(String name) {
        return name.equals("--admin")
                || name.equals("--lenient")
                || name.equals("--example-images")
                || name.equals("--help")
                || name.equals("-h");
    }

    private static boolean isValued(String name) {
        return List.of("--seed", "--data-dir", "--host", "--region", "--port", "--access-key", "--admin-allow")
                .contains(name);
    }

    /** {@code --flag} alone is on; {@code --flag=true} or {@code --flag=false} (any case) says which. */
    private static boolean switchValue(String name, String inline) {
        if (inline == null) {
            return true;
        }
        return switch (inline.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw new IllegalArgumentException(
                        name + " takes no value or =true or =false, got " + name + "=" + inline);
        };
    }

    private static AccessKeySpec accessKey(String value) {
        try {
            return AccessKeySpec.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--access-key: " + e.getMessage());
        }
    }

    /** One or more comma-separated CIDR blocks, each checked. */
    private static List<String> addressRanges(String value) {
        List<String> ranges = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            try {
                PaiWorkspaceFake.builder().adminAllow(part);
                ranges.add(part.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--admin-allow: " + e.getMessage());
            }
        }
        return ranges;
    }

    private static String nonEmpty(String name, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }

    private static int portNumber(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--port must be a number from 0 to 65535, got " + text);
    }
}

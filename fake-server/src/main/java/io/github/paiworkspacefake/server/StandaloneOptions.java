package io.github.paiworkspacefake.server;

import java.util.ArrayList;
import java.util.List;

/** The standalone jar's command line. */
record StandaloneOptions(boolean help, String host, int port, String regionId, List<AccessKeyOption> accessKeys,
                         boolean adminApi, java.nio.file.Path seedFile) {

    /** One {@code --access-key ID:SECRET[:ACCOUNT_ID]}; {@code accountId} is null when not given. */
    record AccessKeyOption(String id, String secret, String accountId) {

        static AccessKeyOption parse(String text) {
            String[] parts = text.split(":", -1);
            if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[1].isEmpty()
                    || parts.length == 3 && parts[2].isBlank()) {
                throw new IllegalArgumentException("--access-key must be ID:SECRET or ID:SECRET:ACCOUNT_ID, got " + text);
            }
            return new AccessKeyOption(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
        }
    }

    static StandaloneOptions parse(String[] args, int defaultPort) {
        boolean help = false;
        String host = PaiWorkspaceFake.DEFAULT_HOST;
        int port = defaultPort;
        String regionId = PaiWorkspaceFake.DEFAULT_REGION_ID;
        List<AccessKeyOption> accessKeys = new ArrayList<>();
        boolean adminApi = false;
        java.nio.file.Path seedFile = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "--help", "-h" -> help = true;
                case "--admin" -> adminApi = true;
                case "--seed" -> seedFile = java.nio.file.Path.of(value(args, i++, arg));
                case "--host" -> host = value(args, i++, arg);
                case "--region" -> regionId = value(args, i++, arg);
                case "--port" -> port = portNumber(value(args, i++, arg));
                case "--access-key" -> accessKeys.add(AccessKeyOption.parse(value(args, i++, arg)));
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
            if (arg.contains("=") && !name.equals(arg)) {
                i--;
            }
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("--host must not be empty");
        }
        if (regionId.isBlank()) {
            throw new IllegalArgumentException("--region must not be empty");
        }
        return new StandaloneOptions(help, host, port, regionId, List.copyOf(accessKeys), adminApi, seedFile);
    }

    /** The option's value: after {@code =} in the same argument, or the next argument. */
    private static String value(String[] args, int index, String arg) {
        int equals = arg.indexOf('=');
        if (equals >= 0) {
            return arg.substring(equals + 1);
        }
        if (index + 1 >= args.length) {
            throw new IllegalArgumentException(arg + " needs a value");
        }
        return args[index + 1];
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

package jp.kawaraban.command;

import java.nio.file.Path;
import java.util.Map;

/**
 * The data directory a command works on, found the way the site finds it: a
 * {@code --kawaraban.data-dir=} (or {@code --data-dir=}) argument, then
 * {@code KAWARABAN_DATA_DIR}, then the default {@code ./data}.
 */
final class DataDirectory {

    private DataDirectory() {
    }

    static Path from(String[] args, Map<String, String> environment) {
        for (String arg : args) {
            for (String prefix : new String[] {"--kawaraban.data-dir=", "--data-dir="}) {
                if (arg.startsWith(prefix)) {
                    return Path.of(arg.substring(prefix.length()));
                }
            }
        }
        String fromEnvironment = environment.get("KAWARABAN_DATA_DIR");
        return Path.of(fromEnvironment == null || fromEnvironment.isBlank() ? "./data" : fromEnvironment);
    }
}

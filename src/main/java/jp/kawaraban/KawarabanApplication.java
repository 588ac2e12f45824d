package jp.kawaraban;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import jp.kawaraban.command.OperatorCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Kawaraban (瓦版): the software a Japanese newspaper runs its digital edition on.
 * One top-level package per module; see docs and {@code ModularityTests}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
@Modulithic(sharedModules = "platform")
public class KawarabanApplication {

    public static void main(String[] args) {
        if (OperatorCommands.handles(args)) {
            // The commands print Japanese and JSON lines, which are UTF-8 whatever the locale: under a
            // service manager, cron or a container without LANG, Java's own streams would print "??".
            PrintStream out = utf8(FileDescriptor.out);
            PrintStream err = utf8(FileDescriptor.err);
            System.setOut(out);
            System.setErr(err);
            System.exit(OperatorCommands.run(args, KawarabanApplication.class, out, err));
        }
        SpringApplication.run(KawarabanApplication.class, args);
    }

    private static PrintStream utf8(FileDescriptor descriptor) {
        return new PrintStream(new FileOutputStream(descriptor), true, StandardCharsets.UTF_8);
    }
}

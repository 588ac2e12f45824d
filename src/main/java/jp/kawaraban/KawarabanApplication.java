package jp.kawaraban;

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
            System.exit(OperatorCommands.run(args, KawarabanApplication.class, System.out, System.err));
        }
        SpringApplication.run(KawarabanApplication.class, args);
    }
}

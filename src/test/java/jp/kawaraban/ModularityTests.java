package jp.kawaraban;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The module boundaries of docs and ARCHITECTURE.md hold in the code; writes the module docs. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(KawarabanApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() throws IOException {
        new Documenter(modules).writeDocumentation();
        Path table = Path.of("target", "spring-modulith-docs", "dependencies.md");
        Files.writeString(table, dependencyTable());
        assertThat(table).content().contains("| `site` |");
    }

    /** Which modules each module's code uses (types, events, beans), as docs/architecture.md shows it. */
    private String dependencyTable() {
        StringBuilder table = new StringBuilder("| module | depends on | count |\n| --- | --- | ---: |\n");
        modules.stream().sorted(java.util.Comparator.comparing(ApplicationModule::getIdentifier,
                java.util.Comparator.comparing(Object::toString))).forEach(module -> {
            var targets = module.getDirectDependencies(modules).uniqueModules()
                    .map(target -> target.getIdentifier().toString()).filter(name -> !name.equals(module.getIdentifier().toString()))
                    .sorted().toList();
            table.append("| `").append(module.getIdentifier()).append("` | ")
                    .append(targets.stream().map(t -> "`" + t + "`").collect(Collectors.joining(", ")))
                    .append(" | ").append(targets.size()).append(" |\n");
        });
        return table.toString();
    }
}

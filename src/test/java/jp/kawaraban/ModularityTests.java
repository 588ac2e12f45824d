package jp.kawaraban;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries of docs and ARCHITECTURE.md hold in the code; writes the module docs. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(KawarabanApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}

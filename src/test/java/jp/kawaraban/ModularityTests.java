package jp.kawaraban;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries of docs and ARCHITECTURE.md hold in the code; writes the module docs. */
class ModularityTests {

    /** Read once for both tests (reading the classes is most of the time either takes). */
    private static final ApplicationModules MODULES = ApplicationModules.of(KawarabanApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeDocumentation();
    }
}

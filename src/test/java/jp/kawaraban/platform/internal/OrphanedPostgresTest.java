package jp.kawaraban.platform.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrphanedPostgresTest {

    @Test
    void aSecondApplicationOnTheSameDataDirectoryIsRefusedWithAClearMessage(@TempDir Path dataDir) throws Exception {
        Path postgres = Files.createDirectories(dataDir.resolve("postgres"));
        OrphanedPostgres.claim(postgres);

        assertThatThrownBy(() -> OrphanedPostgres.claim(postgres))
                .hasMessageContaining("is in use by another running Kawaraban")
                .hasMessageContaining("kawaraban.data-dir");
    }

    @Test
    void aStalePidFileOfAProcessThatIsGoneIsLeftToPostgres(@TempDir Path dataDir) throws Exception {
        Path postgres = Files.createDirectories(dataDir.resolve("postgres"));
        Files.writeString(postgres.resolve("postmaster.pid"), "999999999\n" + postgres + "\n");

        assertThatCode(() -> OrphanedPostgres.claim(postgres)).doesNotThrowAnyException();
    }
}

package jp.kawaraban.editorial.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jp.kawaraban.editorial.AuditLog;
import jp.kawaraban.editorial.GivenSource;
import jp.kawaraban.editorial.ImportException;
import jp.kawaraban.editorial.ImportMode;
import jp.kawaraban.editorial.ImportReport;
import jp.kawaraban.editorial.PartnerPages;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the operator command {@code import} asks the running site for (token-only, see
 * {@code OperatorToken}): importing one partner page.
 */
@RestController
class OperatorImportApi {

    /** The file's name, percent-encoded (UTF-8) since headers carry ASCII only. */
    static final String FILE_HEADER = "X-Import-File";

    private final PartnerPages imports;

    OperatorImportApi(PartnerPages imports) {
        this.imports = imports;
    }

    /**
     * Imports the request body as one page: 200 with the file's report, which says
     * {@code "error"} when the file could not be made an article; 400 for an unknown mode.
     */
    @PostMapping(path = "/operator/import", consumes = "*/*")
    ResponseEntity<ImportReport> importPage(@RequestParam(defaultValue = "draft") String mode,
                                            @RequestParam(required = false) String source,
                                            @RequestParam(required = false) String sourceUrl,
                                            @RequestHeader(name = FILE_HEADER, defaultValue = "page") String file,
                                            @RequestBody(required = false) byte[] body) {
        ImportMode importMode = switch (mode) {
            case "draft" -> ImportMode.DRAFT;
            case "publish" -> ImportMode.PUBLISH;
            case "dry-run" -> ImportMode.DRY_RUN;
            default -> null;
        };
        if (importMode == null) {
            return ResponseEntity.badRequest().build();
        }
        String name = URLDecoder.decode(file, StandardCharsets.UTF_8);
        GivenSource given;
        try {
            given = GivenSource.typed(source, sourceUrl);
        } catch (ImportException notAnAddress) {
            return ResponseEntity.badRequest().build();
        }
        return ResponseEntity.ok(imports.report(name, body == null ? new byte[0] : body, importMode, AuditLog.Actor.OPERATOR, given));
    }
}

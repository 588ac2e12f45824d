package jp.kawaraban.site.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jp.kawaraban.editorial.AuditLog;
import jp.kawaraban.editorial.ImportMode;
import jp.kawaraban.editorial.ImportReport;
import jp.kawaraban.editorial.PartnerPages;
import jp.kawaraban.search.IndexRebuilds;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What operator commands run from the jar ask the running site for (token-only, see
 * {@code OperatorToken}): starting a search index rebuild and following its progress, and
 * importing one partner page for {@code import}.
 */
@RestController
class OperatorApi {

    /** The file's name, percent-encoded (UTF-8) since headers carry ASCII only. */
    static final String FILE_HEADER = "X-Import-File";

    private final IndexRebuilds rebuilds;
    private final PartnerPages imports;

    OperatorApi(IndexRebuilds rebuilds, PartnerPages imports) {
        this.rebuilds = rebuilds;
        this.imports = imports;
    }

    /**
     * Imports the request body as one page: 200 with the file's report, which says
     * {@code "error"} when the file could not be made an article; 400 for an unknown mode.
     */
    @PostMapping(path = "/operator/import", consumes = "*/*")
    ResponseEntity<ImportReport> importPage(@RequestParam(defaultValue = "draft") String mode,
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
        return ResponseEntity.ok(imports.report(name, body == null ? new byte[0] : body, importMode, AuditLog.Actor.OPERATOR));
    }

    /** Where a rebuild stands; {@code error} is set when the last one failed. */
    record RebuildJson(boolean running, long done, long total, String startedAt, String finishedAt, String error) {

        static RebuildJson of(IndexRebuilds.Progress progress) {
            return new RebuildJson(progress.running(), progress.done(), progress.total(),
                    progress.startedAt() == null ? null : progress.startedAt().toString(),
                    progress.finishedAt() == null ? null : progress.finishedAt().toString(), progress.error());
        }
    }

    /** 202 when this request started a rebuild, 409 (with the running one's progress) when one was running. */
    @PostMapping("/operator/search/rebuild")
    ResponseEntity<RebuildJson> start() {
        boolean started = rebuilds.start();
        return ResponseEntity.status(started ? HttpStatus.ACCEPTED : HttpStatus.CONFLICT)
                .body(RebuildJson.of(rebuilds.progress()));
    }

    @GetMapping("/operator/search/rebuild")
    RebuildJson progress() {
        return RebuildJson.of(rebuilds.progress());
    }
}

package jp.kawaraban.search.web;

import jp.kawaraban.search.IndexRebuilds;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the operator command {@code rebuild-search} asks the running site for (token-only, see
 * {@code OperatorToken}): starting a search index rebuild and following its progress.
 */
@RestController
class OperatorSearchApi {

    private final IndexRebuilds rebuilds;

    OperatorSearchApi(IndexRebuilds rebuilds) {
        this.rebuilds = rebuilds;
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

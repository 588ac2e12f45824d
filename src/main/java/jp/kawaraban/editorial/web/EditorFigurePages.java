package jp.kawaraban.editorial.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.kawaraban.article.ImageStorageUnavailableException;
import jp.kawaraban.editorial.FigureRefusedException;
import jp.kawaraban.editorial.Figures;
import jp.kawaraban.editorial.StoredFigure;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.platform.web.JapaneseDates;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PageMeta;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /editor/figures} (editors and administrators only, by the security chain): upload a
 * PNG, JPEG or SVG with caption and credit, see it stored with the markup to paste into an
 * article, and the recent uploads. The same address answers JSON ({@code id, url, markup,
 * width, height}, or a problem) to a request that accepts JSON, for the article editor's page.
 * <p>
 * Sizes: {@code Figures} refuses a file over {@code kawaraban.editorial.figures.max-bytes}
 * with the form kept. The container reads up to twice that ({@link UploadLimits}); beyond
 * it, a form post is cut off while the security filter reads its CSRF field, and gets the
 * 413 error page, while a script (token in the {@code X-CSRF-TOKEN} header, multipart
 * resolved lazily) reaches {@link #tooLargeJson} and gets the desk's own problem.
 */
@Controller
class EditorFigurePages {

    private static final int RECENT = 30;

    private final Figures figures;
    private final Messages msg;

    EditorFigurePages(Figures figures, Messages msg) {
        this.figures = figures;
        this.msg = msg;
    }

    @GetMapping("/editor/figures")
    ModelAndView form(CsrfToken csrf) {
        return page(null, false, null, "", "", csrf, HttpStatus.OK);
    }

    @PostMapping(path = "/editor/figures", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ModelAndView upload(@AuthenticationPrincipal MemberPrincipal editor, CsrfToken csrf,
                        @RequestParam(required = false) MultipartFile file,
                        @RequestParam(defaultValue = "") String caption,
                        @RequestParam(defaultValue = "") String credit) {
        try {
            StoredFigure stored = store(editor, file, caption, credit);
            return page(msg.get("editor.figure.stored"), false, stored, "", "", csrf, HttpStatus.CREATED);
        } catch (FigureRefusedException refused) {
            return page(message(refused), true, null, caption, credit, csrf, status(refused));
        } catch (ImageStorageUnavailableException storeAway) {
            // On the form, with what was typed kept, so the editor can send it again once the store is back.
            return page(msg.get(storeAway.messageKey()), true, null, caption, credit, csrf, HttpStatus.SERVICE_UNAVAILABLE);
        }
    }

    @PostMapping(path = "/editor/figures", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<?> uploadJson(@AuthenticationPrincipal MemberPrincipal editor,
                                 @RequestParam(required = false) MultipartFile file,
                                 @RequestParam(defaultValue = "") String caption,
                                 @RequestParam(defaultValue = "") String credit) {
        try {
            StoredFigure stored = store(editor, file, caption, credit);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", stored.id());
            body.put("url", stored.url());
            body.put("markup", stored.markup());
            body.put("width", stored.width());
            body.put("height", stored.height());
            return ResponseEntity.created(URI.create(stored.url())).contentType(MediaType.APPLICATION_JSON).body(body);
        } catch (FigureRefusedException refused) {
            return problem(status(refused), refused.reason().name(), message(refused));
        } catch (ImageStorageUnavailableException storeAway) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, storeAway.code(), msg.get(storeAway.messageKey()));
        }
    }

    @ExceptionHandler(value = MaxUploadSizeExceededException.class,
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<ProblemDetail> tooLargeJson() {
        return problem(HttpStatus.CONTENT_TOO_LARGE, FigureRefusedException.Reason.TOO_LARGE.name(), tooLargeMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(CsrfToken csrf) {
        // The body was not read, so the caption typed is gone; the message says what to do.
        return page(tooLargeMessage(), true, null, "", "", csrf, HttpStatus.CONTENT_TOO_LARGE);
    }

    @ExceptionHandler(value = MultipartException.class,
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<ProblemDetail> brokenUploadJson() {
        return problem(HttpStatus.BAD_REQUEST, "BROKEN_UPLOAD", msg.get("editor.figure.error.BROKEN_UPLOAD"));
    }

    @ExceptionHandler(MultipartException.class)
    ModelAndView brokenUpload(CsrfToken csrf) {
        return page(msg.get("editor.figure.error.BROKEN_UPLOAD"), true, null, "", "", csrf,
                HttpStatus.BAD_REQUEST);
    }

    private StoredFigure store(MemberPrincipal editor, MultipartFile file, String caption, String credit) {
        byte[] bytes;
        try {
            bytes = file == null ? new byte[0] : file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String fileName = file == null ? null : file.getOriginalFilename();
        return figures.upload(fileName, bytes, caption, credit, DeskActors.of(editor));
    }

    private String message(FigureRefusedException refused) {
        return msg.get(refused.messageKey(), refused.arguments());
    }

    private String tooLargeMessage() {
        return msg.get("editor.figure.error.TOO_LARGE", figures.limits().maxMegabytes());
    }

    static HttpStatus status(FigureRefusedException refused) {
        return switch (refused.reason()) {
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            default -> HttpStatus.BAD_REQUEST;
        };
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String reason, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(msg.get("editor.figure.refused"));
        problem.setProperty("reason", reason);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private ModelAndView page(String notice, boolean error, StoredFigure stored, String caption, String credit,
                              CsrfToken csrf, HttpStatus status) {
        var limits = figures.limits();
        var recent = figures.recent(RECENT).stream()
                .map(f -> new EditorFiguresView.Item(f, JapaneseDates.readable(f.uploadedAt()), JapaneseDates.iso(f.uploadedAt())))
                .toList();
        String limitsText = msg.get("editor.figure.limits", limits.maxMegabytes(),
                limits.maxWidth(), limits.maxHeight());
        ModelAndView view = new ModelAndView("editorial/editorFigures", Map.of(
                "meta", PageMeta.hidden(msg.get("editor.figure.title")),
                "view", new EditorFiguresView(notice, error, stored, caption, credit, recent, limitsText, csrf)));
        view.setStatus(status);
        return view;
    }
}

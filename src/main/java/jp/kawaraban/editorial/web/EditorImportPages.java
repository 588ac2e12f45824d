package jp.kawaraban.editorial.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.Section;
import jp.kawaraban.editorial.GivenSource;
import jp.kawaraban.editorial.ImportException;
import jp.kawaraban.editorial.ImportMode;
import jp.kawaraban.editorial.ImportOutcome;
import jp.kawaraban.editorial.ImportedPage;
import jp.kawaraban.editorial.PartnerPages;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.platform.web.JapaneseDates;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PageMeta;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /editor/import}: an editor uploads a partner's page (or pastes its HTML or text),
 * reviews the draft the importer made of it, and saves it as a draft. The preview stores
 * nothing; the review form carries the file itself (compressed, base64) so that saving reads
 * exactly what was reviewed without the server keeping anything in between.
 */
@Controller
class EditorImportPages {

    private static final String PASTED = "（貼り付け）";

    private final PartnerPages imports;
    private final ArticleCatalog catalog;
    private final Messages msg;

    EditorImportPages(PartnerPages imports, ArticleCatalog catalog, Messages msg) {
        this.imports = imports;
        this.catalog = catalog;
        this.msg = msg;
    }

    @GetMapping("/editor/import")
    ModelAndView form(CsrfToken csrf) {
        return view(empty(null, csrf), HttpStatus.OK);
    }

    @PostMapping("/editor/import/preview")
    ModelAndView preview(CsrfToken csrf, @RequestParam(required = false) MultipartFile file,
                         @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String source,
                         @RequestParam(defaultValue = "") String sourceUrl) throws IOException {
        String fileName;
        byte[] bytes;
        if (file != null && !file.isEmpty()) {
            fileName = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload" : file.getOriginalFilename();
            bytes = file.getBytes();
        } else if (!text.isBlank()) {
            fileName = PASTED;
            bytes = text.getBytes(StandardCharsets.UTF_8);
        } else {
            return view(empty(msg.get("import.desk.nothing"), csrf), HttpStatus.BAD_REQUEST);
        }
        try {
            GivenSource given = GivenSource.typed(source, sourceUrl);
            ImportedPage page = imports.read(fileName, bytes, given);
            String earlier = imports.importedAs(page).map(Object::toString).orElse(null);
            return view(reviewed(page, fileName, pack(bytes), given, earlier, csrf), HttpStatus.OK);
        } catch (ImportException refused) {
            return view(empty(imports.describe(refused, Messages.READER_LOCALE), csrf), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @PostMapping("/editor/import")
    ModelAndView save(@AuthenticationPrincipal MemberPrincipal editor, CsrfToken csrf,
                      @RequestParam(defaultValue = "") String fileName, @RequestParam(defaultValue = "") String content,
                      @RequestParam(defaultValue = "") String source, @RequestParam(defaultValue = "") String sourceUrl) {
        byte[] bytes;
        try {
            bytes = unpack(content);
        } catch (IllegalArgumentException | UncheckedIOException damaged) {
            return view(empty(msg.get("import.desk.damaged"), csrf), HttpStatus.BAD_REQUEST);
        }
        try {
            GivenSource given = GivenSource.typed(source, sourceUrl);
            ImportOutcome outcome = imports.importPage(fileName.isBlank() ? PASTED : fileName, bytes, ImportMode.DRAFT,
                    DeskActors.of(editor), given);
            if (outcome.duplicateOf() != null) {
                return view(reviewed(outcome.page(), fileName, content, given, outcome.duplicateOf().toString(), csrf),
                        HttpStatus.CONFLICT);
            }
            return new ModelAndView("redirect:/editor/articles/" + outcome.stored());
        } catch (ImportException refused) {
            return view(empty(imports.describe(refused, Messages.READER_LOCALE), csrf), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    private EditorImportView empty(String error, CsrfToken csrf) {
        return new EditorImportView(null, null, null, null, List.of(), error, null, null, GivenSource.NONE, null, maxSize(), csrf);
    }

    private EditorImportView reviewed(ImportedPage page, String fileName, String content, GivenSource given, String duplicateOf,
                                      CsrfToken csrf) {
        String section = catalog.section(page.sectionCode()).map(Section::name).orElse(page.sectionCode());
        List<String> warnings = page.warnings().stream().map(w -> imports.describe(w, Messages.READER_LOCALE)).toList();
        return new EditorImportView(page, section, readable(page.publishedAt()), readable(page.updatedAt()), warnings, null,
                fileName, content, given, duplicateOf, maxSize(), csrf);
    }

    private String maxSize() {
        long bytes = imports.properties().maxBytes().toBytes();
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + "MB" : bytes / 1024 + "KB";
    }

    private static String readable(OffsetDateTime at) {
        return at == null ? null : JapaneseDates.readable(at.toInstant());
    }

    private ModelAndView view(EditorImportView view, HttpStatus status) {
        ModelAndView page = new ModelAndView("editorial/editorImport", Map.of(
                "meta", PageMeta.hidden(msg.get("import.desk.title")),
                "desk", view));
        page.setStatus(status);
        return page;
    }

    /** The file for the review form: gzipped (pages shrink to a fifth or less), then base64. */
    static String pack(byte[] bytes) {
        var packed = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(packed)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(packed.toByteArray());
    }

    static byte[] unpack(String content) {
        try (var gzip = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(content.strip())))) {
            return gzip.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

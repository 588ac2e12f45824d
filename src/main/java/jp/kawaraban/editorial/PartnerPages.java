package jp.kawaraban.editorial;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleDesk;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.Section;
import jp.kawaraban.editorial.internal.importing.PageReader;
import jp.kawaraban.platform.settings.Setting;
import jp.kawaraban.platform.settings.Settings;
import jp.kawaraban.platform.web.TypedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Importing a partner outlet's article page (HTML, a saved page's text, a livedoor corpus
 * file) as a draft, as a published article (archive migration), or not at all (a dry run, and
 * the desk's preview). See {@code docs/import.md} for what is recognised.
 */
@Service
public class PartnerPages {

    private static final Logger log = LoggerFactory.getLogger(PartnerPages.class);

    private final ArticleCatalog catalog;
    private final ArticleDesk desk;
    private final AuditLog audit;
    private final ImportProperties properties;
    private final MessageSource messages;
    private final Clock clock;
    private final TransactionTemplate transactions;

    private final Settings settings;

    PartnerPages(ArticleCatalog catalog, ArticleDesk desk, AuditLog audit, ImportProperties properties,
                 MessageSource messages, Clock clock, PlatformTransactionManager transactionManager, Settings settings) {
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactionManager);
        this.catalog = catalog;
        this.desk = desk;
        this.audit = audit;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
    }

    /** Reads a page without storing anything; what the desk shows for review. */
    public ImportedPage read(String fileName, byte[] bytes) {
        return read(fileName, bytes, GivenSource.NONE);
    }

    /** {@link #read(String, byte[])} of a page whose outlet the editor or operator names. */
    public ImportedPage read(String fileName, byte[] bytes, GivenSource source) {
        return read(reader(), fileName, bytes, source);
    }

    /**
     * A reader that knows the sections as they are now (one query; a batch shares it).
     *
     * @throws ImportException ({@code NO_SECTIONS}) on a site that has none yet: not set up
     */
    private PageReader reader() {
        return new PageReader(sections(), settings.text(Setting.IMPORT_DEFAULT_SECTION, properties.defaultSection()),
                properties.maxBytes().toBytes());
    }

    /**
     * Refuses, before any file is read, when no page could be imported at all: the site has no
     * section yet (an installation without the demo edition before setup).
     *
     * @throws ImportException ({@code NO_SECTIONS}) saying to run setup first
     */
    public void checkReady() {
        sections();
    }

    private List<Section> sections() {
        List<Section> sections = catalog.sections();
        if (sections.isEmpty()) {
            throw new ImportException(ImportException.Problem.NO_SECTIONS);
        }
        return sections;
    }

    private static ImportedPage read(PageReader reader, String fileName, byte[] bytes, GivenSource source) {
        // A file's name is only a label (the desk shows it, the audit records it): a control character in it goes.
        return reader.read(fileName == null ? null : TypedText.withoutControls(fileName), bytes, source);
    }

    /** The article a page was already imported as, if it was. */
    public Optional<ArticleId> importedAs(ImportedPage page) {
        return desk.findBySourceKey(page.sourceKey());
    }

    /**
     * Reads a page and, unless this is a dry run or the page was imported before, stores it in
     * one transaction with its audit record: a failure stores neither. A page imported by
     * someone else at the same moment is reported as a duplicate too.
     *
     * @throws ImportException when the file cannot be made an article
     */
    public ImportOutcome importPage(String fileName, byte[] bytes, ImportMode mode, AuditLog.Actor actor) {
        return importPage(fileName, bytes, mode, actor, GivenSource.NONE);
    }

    /** {@link #importPage(String, byte[], ImportMode, AuditLog.Actor)} of a page whose outlet is named by whoever imports it. */
    public ImportOutcome importPage(String fileName, byte[] bytes, ImportMode mode, AuditLog.Actor actor, GivenSource source) {
        ImportedPage read = read(fileName, bytes, source);
        ImportedPage page = mode == ImportMode.PUBLISH && read.publishedAt() == null && !read.outletUnknown()
                ? read.withWarning(new ImportWarning(ImportWarning.Kind.PUBLISHED_AT_IMPORT_TIME)) : read;
        try {
            return transactions.execute(status -> store(page, mode, actor));
        } catch (DuplicateKeyException raced) {
            return new ImportOutcome(page, mode, null, importedAs(page).orElseThrow(() -> raced));
        }
    }

    private ImportOutcome store(ImportedPage page, ImportMode mode, AuditLog.Actor actor) {
        Optional<ArticleId> earlier = importedAs(page);
        if (earlier.isPresent()) {
            return new ImportOutcome(page, mode, null, earlier.get());
        }
        if (mode == ImportMode.PUBLISH && page.outletUnknown()) {
            // Nobody said whose article this is: readers must not see it credited to nobody.
            page = page.withWarning(new ImportWarning(ImportWarning.Kind.KEPT_AS_DRAFT));
            mode = ImportMode.DRAFT;
        }
        ArticleId id = switch (mode) {
            case DRY_RUN -> null;
            case DRAFT -> desk.createDraft(page.sourceKey(), page.content());
            case PUBLISH -> desk.publish(ArticleId.random(), page.sourceKey(), page.content(),
                    page.publishedAt() == null ? clock.instant() : page.publishedAt().toInstant());
        };
        if (id == null) {
            return new ImportOutcome(page, mode, null, null);
        }
        audit.record(actor, "article.import", "article:" + id,
                (mode == ImportMode.PUBLISH ? "published" : "draft") + " from " + page.sourceName()
                        + (page.sourceUrl() == null ? "" : " " + page.sourceUrl()) + " (" + page.fileName() + ")");
        return new ImportOutcome(page, mode, id, null);
    }

    /** A file given to {@link #reportAll}: its name (a label) and its bytes. */
    public record PageFile(String name, byte[] bytes) {
    }

    /**
     * {@link #report} for many files at once, as an archive migration needs: the pages are read
     * on every core, then stored in one transaction with their audit records, so a thousand
     * articles cost a few commits (each one a flush of the write-ahead log to the disk) instead
     * of a thousand. A batch the database refuses (a page imported by someone else at the same
     * moment, a constraint) is rolled back whole and stored again one file at a time, so every
     * file still gets its own report and nothing is stored twice. The reports are in the order
     * of the files.
     */
    public List<ImportReport> reportAll(List<PageFile> files, ImportMode mode, AuditLog.Actor actor, GivenSource source) {
        record Read(PageFile file, ImportedPage page, ImportException refused) {
        }
        PageReader reader = reader();
        List<Read> read = files.parallelStream().map(file -> {
            try {
                ImportedPage page = read(reader, file.name(), file.bytes(), source);
                return new Read(file, mode == ImportMode.PUBLISH && page.publishedAt() == null && !page.outletUnknown()
                        ? page.withWarning(new ImportWarning(ImportWarning.Kind.PUBLISHED_AT_IMPORT_TIME)) : page, null);
            } catch (ImportException refused) {
                return new Read(file, null, refused);
            }
        }).toList();
        List<ImportOutcome> outcomes;
        try {
            outcomes = transactions.execute(status -> read.stream()
                    .map(one -> one.page() == null ? null : store(one.page(), mode, actor)).toList());
        } catch (RuntimeException batchRefused) {
            log.info("A batch of {} pages could not be stored at once ({}); storing them one by one", files.size(),
                    batchRefused.toString());
            return files.stream().map(file -> report(file.name(), file.bytes(), mode, actor, source)).toList();
        }
        List<ImportReport> reports = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            Read one = read.get(i);
            reports.add(one.page() == null ? refusedReport(one.file().name(), one.refused()) : reported(one.file().name(), outcomes.get(i)));
        }
        return reports;
    }

    /**
     * {@link #importPage} for operator commands: never throws for a file it cannot import,
     * reporting why instead (in Japanese, then English), so a batch goes on.
     */
    public ImportReport report(String fileName, byte[] bytes, ImportMode mode, AuditLog.Actor actor) {
        return report(fileName, bytes, mode, actor, GivenSource.NONE);
    }

    /** {@link #report(String, byte[], ImportMode, AuditLog.Actor)} of a page whose outlet is named by whoever imports it. */
    public ImportReport report(String fileName, byte[] bytes, ImportMode mode, AuditLog.Actor actor, GivenSource source) {
        try {
            return reported(fileName, importPage(fileName, bytes, mode, actor, source));
        } catch (ImportException refused) {
            return refusedReport(fileName, refused);
        } catch (RuntimeException failed) {
            log.warn("Importing {} failed", fileName, failed);
            return ImportReport.failed(fileName, messages.getMessage("import.failed", null, Locale.JAPANESE) + " / "
                    + messages.getMessage("import.failed", null, Locale.ENGLISH) + " (" + failed.getMessage() + ")", null);
        }
    }

    private ImportReport reported(String fileName, ImportOutcome outcome) {
        List<String> warnings = new ArrayList<>(outcome.warnings().stream()
                .map(w -> describe(w, Locale.JAPANESE)).toList());
        if (outcome.duplicateOf() != null) {
            warnings.add(messages.getMessage("import.duplicate", new Object[] {outcome.duplicateOf().value()},
                    Locale.JAPANESE));
        }
        return ImportReport.of(fileName, outcome, warnings);
    }

    private ImportReport refusedReport(String fileName, ImportException refused) {
        return ImportReport.failed(fileName, describe(refused, Locale.JAPANESE) + " / " + describe(refused, Locale.ENGLISH),
                refused.problem());
    }

    /** A warning in words, for editors ({@code Locale.JAPANESE}) or the English fallback. */
    public String describe(ImportWarning warning, Locale locale) {
        return messages.getMessage(warning.messageKey(), new Object[] {warning.detail()}, locale);
    }

    /** Why a file could not be imported, in words. */
    public String describe(ImportException problem, Locale locale) {
        String detail = problem.detail();
        if (problem.problem() == ImportException.Problem.TOO_LARGE && detail != null) {
            detail = megabytes(Long.parseLong(detail));
        }
        return messages.getMessage(problem.messageKey(), new Object[] {detail}, locale);
    }

    public ImportProperties properties() {
        return properties;
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : String.format(Locale.ROOT, "%,d bytes", bytes);
    }
}

package jp.kawaraban.editorial;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

import jp.kawaraban.article.ArticleDesk;
import jp.kawaraban.article.ArticleImage;
import jp.kawaraban.article.ArticleMarkup;
import jp.kawaraban.article.Block;
import jp.kawaraban.editorial.EditorialProperties.FigureLimits;
import jp.kawaraban.editorial.FigureRefusedException.Reason;
import jp.kawaraban.editorial.internal.figures.CheckedImage;
import jp.kawaraban.editorial.internal.figures.FigureLibrary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Figures at the desk: an editor uploads a PNG, JPEG or SVG with a caption and (optionally) a
 * credit, and gets the id under which readers will see it and the line to paste into an
 * article. Uploads are checked by content and limits ({@link EditorialProperties.FigureLimits}),
 * SVGs are rebuilt from an allowlist, and the image, the library row and the audit record are
 * stored in one transaction — or, when refused, nothing at all.
 */
@Service
public class Figures {

    static final int CAPTION_MAX = 300;
    static final int CREDIT_MAX = 100;
    private static final int FILE_NAME_MAX = 200;
    private static final char[] ID_ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final int ID_LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FigureLimits limits;
    private final FigureLibrary library;
    private final ArticleDesk desk;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Figures(EditorialProperties properties, FigureLibrary library, ArticleDesk desk, AuditLog audit,
            PlatformTransactionManager transactions, Clock clock) {
        this.limits = properties.figures();
        this.library = library;
        this.desk = desk;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Checks and stores an upload.
     *
     * @param fileName the name the file had on the editor's machine (only shown in the list)
     * @throws FigureRefusedException when the caption is missing or too long, or the file is
     *                                empty, too large, not a PNG, JPEG or SVG by its content,
     *                                too large in pixels, or an SVG that cannot be made safe
     */
    public StoredFigure upload(String fileName, byte[] bytes, String caption, String credit, AuditLog.Actor actor) {
        String cleanCaption = oneLine(caption);
        String cleanCredit = oneLine(credit);
        if (cleanCaption.isEmpty()) {
            throw new FigureRefusedException(Reason.CAPTION_MISSING);
        }
        if (cleanCaption.codePointCount(0, cleanCaption.length()) > CAPTION_MAX) {
            throw new FigureRefusedException(Reason.CAPTION_TOO_LONG, CAPTION_MAX);
        }
        if (cleanCredit.codePointCount(0, cleanCredit.length()) > CREDIT_MAX) {
            throw new FigureRefusedException(Reason.CREDIT_TOO_LONG, CREDIT_MAX);
        }
        // The slow checks (parsing, cleaning) run before a database connection is taken.
        CheckedImage image = CheckedImage.of(bytes, limits);
        StoredFigure figure = new StoredFigure(newId(), displayName(fileName), cleanCaption,
                cleanCredit.isEmpty() ? null : cleanCredit, image.kind().contentType(), image.width(), image.height(),
                actor.name(), clock.instant());
        requireMarkupRoundTrip(figure);
        transaction.executeWithoutResult(status -> {
            desk.saveImage(new ArticleImage(figure.id(), figure.contentType(), image.bytes()));
            library.insert(figure, actor.id(), image.bytes().length);
            audit.record(actor, "figure.upload", "figure:" + figure.id(), auditDetail(figure));
        });
        return figure;
    }

    /** The newest uploads first. */
    public List<StoredFigure> recent(int limit) {
        return library.recent(limit);
    }

    public FigureLimits limits() {
        return limits;
    }

    /**
     * The markup is a single line whose parts are found by a pattern; a caption or credit that
     * the pattern would split differently (say, a credit containing {@code "](" }) would paste
     * as a different figure, so it is refused rather than silently changed.
     */
    private static void requireMarkupRoundTrip(StoredFigure figure) {
        var blocks = ArticleMarkup.parse(figure.markup(), id -> id).blocks();
        String credit = figure.credit() == null ? "" : figure.credit();
        boolean same = blocks.size() == 1 && blocks.getFirst() instanceof Block.Figure parsed
                && parsed.imageId().equals(figure.id()) && parsed.caption().equals(figure.caption())
                && parsed.credit().equals(credit);
        if (!same) {
            throw new FigureRefusedException(Reason.MARKUP_CONFLICT);
        }
    }

    private static String auditDetail(StoredFigure figure) {
        String size = figure.width() == null ? "" : " " + figure.width() + "×" + figure.height();
        return figure.contentType() + size + "「" + figure.caption() + "」"
                + (figure.fileName() == null ? "" : " (" + figure.fileName() + ")");
    }

    /** Captions and credits are one line in the markup: line breaks and runs of spaces become one space. */
    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
    }

    /** The base name only (browsers on some systems send a full path), without control characters. */
    private static String displayName(String fileName) {
        if (fileName == null) {
            return null;
        }
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        String clean = oneLine(base);
        if (clean.isEmpty()) {
            return null;
        }
        return clean.length() > FILE_NAME_MAX ? clean.substring(0, FILE_NAME_MAX) : clean;
    }

    private static String newId() {
        char[] id = new char[ID_LENGTH];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }
}

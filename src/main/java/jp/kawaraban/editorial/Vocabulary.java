package jp.kawaraban.editorial;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleDesk;
import jp.kawaraban.article.Section;
import jp.kawaraban.article.Series;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.search.Entities;
import jp.kawaraban.search.EntityChangeRefusedException;
import jp.kawaraban.text.Entity;
import jp.kawaraban.text.EntityKind;
import jp.kawaraban.text.Mention;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What editors name things with: the paper's sections (and their order in the navigation),
 * series and columns, and the entity vocabulary (people, organisations, places, their
 * aliases, merges of duplicates). Sections and series are stored by {@code article}, entities
 * by {@code search}; this checks the editor's input, makes the change and writes its
 * {@link AuditLog} record in one transaction, so a refused or failed change leaves neither.
 *
 * <p>Refusals are {@link VocabularyException}s carrying the editor's message.
 */
@Service
public class Vocabulary {

    public static final Pattern CODE = Pattern.compile("^[a-z0-9-]{1,40}$");
    /** As the entity table allows: entity ids appear in URLs ({@code /entities/{id}}). */
    public static final Pattern ENTITY_ID = Pattern.compile("^[a-z0-9-]{1,60}$");
    public static final int SECTION_NAME_MAX = 20;
    public static final int SERIES_NAME_MAX = 60;
    public static final int ENTITY_NAME_MAX = 60;
    public static final int DESCRIPTION_MAX = 400;
    public static final int ALIASES_MAX = 30;

    private final ArticleCatalog catalog;
    private final ArticleDesk desk;
    private final Entities entities;
    private final AuditLog audit;
    private final Messages msg;
    private final JdbcClient jdbc;

    Vocabulary(ArticleCatalog catalog, ArticleDesk desk, Entities entities, AuditLog audit, Messages msg, JdbcClient jdbc) {
        this.catalog = catalog;
        this.desk = desk;
        this.entities = entities;
        this.audit = audit;
        this.msg = msg;
        this.jdbc = jdbc;
    }

    // ---- sections ------------------------------------------------------------------------

    /** In navigation order. */
    public List<Section> sections() {
        return catalog.sections();
    }

    /** Adds a section at the end of the navigation. */
    @Transactional
    public Section createSection(AuditLog.Actor actor, String code, String name) {
        String checkedCode = code(code);
        String checkedName = name(name, SECTION_NAME_MAX, "editorial.error.sectionName");
        lockSections();
        catalog.section(checkedCode).ifPresent(existing -> {
            throw VocabularyException.invalid("editorial.error.sectionCodeTaken", checkedCode, existing.name());
        });
        List<Section> order = new ArrayList<>(catalog.sections());
        Section section = new Section(checkedCode, checkedName);
        order.add(section);
        arrange(order);
        audit.record(actor, "section.create", "section:" + checkedCode,
                msg.get("editorial.audit.named", checkedName, checkedCode));
        return section;
    }

    @Transactional
    public Section renameSection(AuditLog.Actor actor, String code, String name) {
        String checkedName = name(name, SECTION_NAME_MAX, "editorial.error.sectionName");
        lockSections();
        List<Section> order = new ArrayList<>(catalog.sections());
        int at = indexOf(order, code);
        Section before = order.get(at);
        if (before.name().equals(checkedName)) {
            return before;
        }
        Section renamed = new Section(before.code(), checkedName);
        order.set(at, renamed);
        arrange(order);
        audit.record(actor, "section.rename", "section:" + before.code(),
                msg.get("editorial.audit.changed", before.name(), checkedName));
        return renamed;
    }

    public enum Move { UP, DOWN }

    /** Moves a section one place in the navigation; at either end nothing changes. */
    @Transactional
    public void moveSection(AuditLog.Actor actor, String code, Move move) {
        lockSections();
        List<Section> order = new ArrayList<>(catalog.sections());
        int at = indexOf(order, code);
        int to = move == Move.UP ? at - 1 : at + 1;
        if (to < 0 || to >= order.size()) {
            return;
        }
        Section section = order.remove(at);
        order.add(to, section);
        arrange(order);
        audit.record(actor, "section.move", "section:" + section.code(),
                msg.get("editorial.audit.moved", section.name(), at + 1, to + 1));
    }

    private void arrange(List<Section> order) {
        for (int i = 0; i < order.size(); i++) {
            desk.saveSection(order.get(i), i + 1);
        }
    }

    private static int indexOf(List<Section> order, String code) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).code().equals(code)) {
                return i;
            }
        }
        throw VocabularyException.notFound("editorial.error.sectionUnknown", String.valueOf(code));
    }

    /**
     * Section changes read the whole order and write it back: two editors at once would
     * overwrite each other's order without this lock, held until the transaction ends.
     */
    private void lockSections() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('editorial:sections'))").query().singleRow();
    }

    // ---- series and columns --------------------------------------------------------------

    /** Columns, then series, each by name. */
    public List<Series> series() {
        return catalog.allSeries();
    }

    public Optional<Series> series(String code) {
        return code == null ? Optional.empty() : catalog.series(code);
    }

    /** What an editor enters for a series or column; {@code kind} is {@code SERIES} or {@code COLUMN}. */
    public record SeriesInput(String code, String name, String kind, String description) {
    }

    @Transactional
    public Series createSeries(AuditLog.Actor actor, SeriesInput input) {
        Series series = series(code(input.code()), input);
        catalog.series(series.code()).ifPresent(existing -> {
            throw VocabularyException.invalid("editorial.error.seriesCodeTaken", series.code(), existing.name());
        });
        desk.saveSeries(series);
        audit.record(actor, "series.create", "series:" + series.code(),
                msg.get("editorial.audit.named", series.name(), series.code()));
        return series;
    }

    /** Changes a series' name, kind or description; its code (in URLs) stays. */
    @Transactional
    public Series updateSeries(AuditLog.Actor actor, String code, SeriesInput input) {
        Series before = series(code).orElseThrow(
                () -> VocabularyException.notFound("editorial.error.seriesUnknown", String.valueOf(code)));
        Series after = series(before.code(), input);
        List<String> changes = new ArrayList<>();
        if (!before.name().equals(after.name())) {
            changes.add(msg.get("editorial.audit.name", before.name(), after.name()));
        }
        if (before.kind() != after.kind()) {
            changes.add(msg.get("editorial.audit.kind", msg.get("editorial.seriesKind." + before.kind().name()),
                    msg.get("editorial.seriesKind." + after.kind().name())));
        }
        if (!nullToEmpty(before.description()).equals(nullToEmpty(after.description()))) {
            changes.add(msg.get("editorial.audit.description"));
        }
        if (changes.isEmpty()) {
            return before;
        }
        desk.saveSeries(after);
        audit.record(actor, "series.update", "series:" + after.code(), String.join(msg.get("editorial.audit.separator"), changes));
        return after;
    }

    private Series series(String code, SeriesInput input) {
        String name = name(input.name(), SERIES_NAME_MAX, "editorial.error.seriesName");
        Series.Kind kind;
        try {
            kind = Series.Kind.valueOf(nullToEmpty(input.kind()).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw VocabularyException.invalid("editorial.error.seriesKind");
        }
        return new Series(code, name, kind, description(input.description()));
    }

    // ---- entities ------------------------------------------------------------------------

    /** What an editor enters for an entity; {@code kind} is {@code PERSON}, {@code ORGANIZATION} or {@code PLACE}. */
    public record EntityInput(String id, String canonicalName, String kind, List<String> aliases, String description) {
    }

    public Optional<Entity> entity(String id) {
        return entities.find(id);
    }

    /** The entity an id was merged into, if it was. */
    public Optional<String> mergedInto(String id) {
        return entities.mergedInto(id);
    }

    /**
     * Entities whose id, name or alias contains {@code query} (width and case folded), or
     * that the query names in another spelling; every entity for a blank query. By name.
     */
    public List<Entity> findEntities(String query) {
        String wanted = folded(query);
        Set<String> named = new LinkedHashSet<>();
        if (!wanted.isEmpty()) {
            entities.finder().find(query.strip()).stream().map(Mention::entityId).forEach(named::add);
        }
        return entities.all().stream()
                .filter(entity -> wanted.isEmpty() || named.contains(entity.id())
                        || folded(entity.id()).contains(wanted)
                        || entity.names().stream().anyMatch(name -> folded(name).contains(wanted)))
                .sorted(java.util.Comparator.comparing(Entity::canonicalName).thenComparing(Entity::id))
                .toList();
    }

    /**
     * Adds an entity. Published articles naming it are revisited in the background (the
     * newest {@link Entities#REVISITED_ARTICLES}), so its page lists them.
     */
    @Transactional
    public Entity createEntity(AuditLog.Actor actor, EntityInput input) {
        String id = nullToEmpty(input.id()).strip();
        if (!ENTITY_ID.matcher(id).matches()) {
            throw VocabularyException.invalid("editorial.error.entityId");
        }
        Entity entity = entity(id, input);
        try {
            entities.create(entity);
        } catch (EntityChangeRefusedException refused) {
            throw explained(refused);
        }
        audit.record(actor, "entity.create", "entity:" + id, msg.get("editorial.audit.named", entity.canonicalName(), id)
                + (entity.aliases().isEmpty() ? "" : msg.get("editorial.audit.separator")
                + msg.get("editorial.audit.aliasesAdded", String.join("、", entity.aliases()))));
        return entity;
    }

    /** Changes an entity's name, kind, aliases and description; its id (in URLs) stays. */
    @Transactional
    public Entity updateEntity(AuditLog.Actor actor, String id, EntityInput input) {
        Entity before = existing(id);
        Entity after = entity(before.id(), input);
        if (after.equals(before)) {
            return before;
        }
        store(after);
        audit.record(actor, "entity.update", "entity:" + id, changes(before, after));
        return after;
    }

    @Transactional
    public Entity addAlias(AuditLog.Actor actor, String id, String alias) {
        Entity before = existing(id);
        String name = name(alias, ENTITY_NAME_MAX, "editorial.error.aliasName");
        if (before.names().contains(name)) {
            throw VocabularyException.invalid("editorial.error.aliasAlreadyThere", name, before.canonicalName());
        }
        List<String> aliases = new ArrayList<>(before.aliases());
        aliases.add(name);
        Entity after = entity(before.id(), new EntityInput(before.id(), before.canonicalName(), before.kind().name(),
                aliases, before.description()));
        store(after);
        audit.record(actor, "entity.alias.add", "entity:" + id, name);
        return after;
    }

    @Transactional
    public Entity removeAlias(AuditLog.Actor actor, String id, String alias) {
        Entity before = existing(id);
        String name = nullToEmpty(alias).strip();
        if (!before.aliases().contains(name)) {
            throw VocabularyException.invalid("editorial.error.aliasNotThere", name, before.canonicalName());
        }
        List<String> aliases = new ArrayList<>(before.aliases());
        aliases.remove(name);
        Entity after = new Entity(before.id(), before.canonicalName(), before.kind(), aliases, before.description());
        store(after);
        audit.record(actor, "entity.alias.remove", "entity:" + id, name);
        return after;
    }

    /**
     * Merges entity {@code fromId} into {@code intoId} (see {@link Entities#merge}): one
     * entity remains, with both names; follows, article tags and the index follow in the
     * background. Recorded on both entities, so each one's history shows it.
     */
    @Transactional
    public Entity merge(AuditLog.Actor actor, String fromId, String intoId) {
        Entity from = existing(fromId);
        String target = nullToEmpty(intoId).strip();
        if (target.isEmpty()) {
            throw VocabularyException.invalid("editorial.error.mergeTargetMissing");
        }
        if (from.id().equals(target)) {
            throw VocabularyException.invalid("editorial.error.mergeSame", from.canonicalName());
        }
        Entity into = entities.find(target).orElseThrow(
                () -> VocabularyException.invalid("editorial.error.mergeTargetUnknown", target));
        Entity merged;
        try {
            merged = entities.merge(from.id(), into.id());
        } catch (EntityChangeRefusedException refused) {
            throw explained(refused);
        }
        String detail = msg.get("editorial.audit.merge", from.canonicalName(), from.id(), into.canonicalName(), into.id());
        audit.record(actor, "entity.merge", "entity:" + from.id(), detail);
        audit.record(actor, "entity.merge.receive", "entity:" + into.id(), detail);
        return merged;
    }

    private void store(Entity changed) {
        try {
            entities.update(changed);
        } catch (EntityChangeRefusedException refused) {
            throw explained(refused);
        }
    }

    private Entity existing(String id) {
        return entities.find(id).orElseThrow(
                () -> VocabularyException.notFound("editorial.error.entityUnknown", String.valueOf(id)));
    }

    private Entity entity(String id, EntityInput input) {
        String canonical = name(input.canonicalName(), ENTITY_NAME_MAX, "editorial.error.entityName");
        EntityKind kind;
        try {
            kind = EntityKind.valueOf(nullToEmpty(input.kind()).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw VocabularyException.invalid("editorial.error.entityKind");
        }
        List<String> aliases = new ArrayList<>();
        for (String alias : input.aliases() == null ? List.<String>of() : input.aliases()) {
            if (alias != null && !alias.isBlank()) {
                aliases.add(name(alias, ENTITY_NAME_MAX, "editorial.error.aliasName"));
            }
        }
        Entity entity = new Entity(id, canonical, kind, aliases, description(input.description()));
        if (entity.aliases().size() > ALIASES_MAX) {
            throw VocabularyException.invalid("editorial.error.tooManyAliases", ALIASES_MAX);
        }
        return entity;
    }

    private String changes(Entity before, Entity after) {
        List<String> changes = new ArrayList<>();
        if (!before.canonicalName().equals(after.canonicalName())) {
            changes.add(msg.get("editorial.audit.name", before.canonicalName(), after.canonicalName()));
        }
        if (before.kind() != after.kind()) {
            changes.add(msg.get("editorial.audit.kind", msg.get("entity.kind." + before.kind().name()),
                    msg.get("entity.kind." + after.kind().name())));
        }
        List<String> added = after.aliases().stream().filter(a -> !before.aliases().contains(a)).toList();
        List<String> removed = before.aliases().stream().filter(a -> !after.aliases().contains(a)).toList();
        if (!added.isEmpty()) {
            changes.add(msg.get("editorial.audit.aliasesAdded", String.join("、", added)));
        }
        if (!removed.isEmpty()) {
            changes.add(msg.get("editorial.audit.aliasesRemoved", String.join("、", removed)));
        }
        if (!before.description().equals(after.description())) {
            changes.add(msg.get("editorial.audit.description"));
        }
        return String.join(msg.get("editorial.audit.separator"), changes);
    }

    private static VocabularyException explained(EntityChangeRefusedException refused) {
        return switch (refused.reason()) {
            case NAME_TAKEN -> VocabularyException.invalid("editorial.error.nameTaken", refused.name(),
                    refused.other().canonicalName(), refused.other().id());
            case ID_TAKEN -> VocabularyException.invalid("editorial.error.entityIdTaken", refused.entityId(),
                    refused.other().canonicalName());
            case SAME_ENTITY -> VocabularyException.invalid("editorial.error.mergeSame", refused.entityId());
            case UNKNOWN -> VocabularyException.notFound("editorial.error.entityUnknown", refused.entityId());
        };
    }

    // ---- keywords ------------------------------------------------------------------------------

    /**
     * Renames a keyword in every article that has it — or merges it into {@code to} when
     * that is in use too. Readers' keyword pages, search and My News follow (see
     * {@link jp.kawaraban.article.KeywordRenamed}); articles' texts and revisions stay.
     *
     * @return how many published articles changed
     */
    @Transactional
    public int renameKeyword(AuditLog.Actor actor, String from, String to) {
        String old = name(from, EditorsDesk.MAX_KEYWORD, "editorial.error.keyword");
        String renamed = name(to, EditorsDesk.MAX_KEYWORD, "editorial.error.keyword");
        if (old.equals(renamed)) {
            throw VocabularyException.invalid("editorial.error.keywordSame");
        }
        if (catalog.withKeyword(old, new jp.kawaraban.article.PageRequest(1, 1)).total() == 0) {
            throw VocabularyException.notFound("editorial.error.keywordUnknown", old);
        }
        int changed = desk.renameKeyword(old, renamed).size();
        audit.record(actor, "keyword.rename", "keyword:" + renamed, old + " → " + renamed + "（" + changed + "本）");
        return changed;
    }

    // ---- input -----------------------------------------------------------------------------

    private static String code(String code) {
        String stripped = nullToEmpty(code).strip();
        if (!CODE.matcher(stripped).matches()) {
            throw VocabularyException.invalid("editorial.error.code");
        }
        return stripped;
    }

    /** A required one-line name: stripped, 1 to {@code max} characters, no line breaks or control characters. */
    private static String name(String name, int max, String messageKey) {
        String stripped = nullToEmpty(name).strip();
        if (stripped.isEmpty() || stripped.codePointCount(0, stripped.length()) > max
                || stripped.codePoints().anyMatch(Character::isISOControl)) {
            throw VocabularyException.invalid(messageKey, max);
        }
        return stripped;
    }

    private static String description(String description) {
        String stripped = nullToEmpty(description).strip();
        if (stripped.codePointCount(0, stripped.length()) > DESCRIPTION_MAX) {
            throw VocabularyException.invalid("editorial.error.description", DESCRIPTION_MAX);
        }
        return stripped;
    }

    private static String folded(String text) {
        return Normalizer.normalize(nullToEmpty(text), Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}

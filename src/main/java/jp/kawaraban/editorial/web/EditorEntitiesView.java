package jp.kawaraban.editorial.web;

import java.util.List;

import jp.kawaraban.text.Entity;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * {@code /editor/entities}: the vocabulary, searched by name; a form to add an entity; and
 * {@code /editor/entities/{id}}: one entity's edit form, its aliases, the merge form and its
 * recent history.
 *
 * @param entity       the entity being edited, or null on the list page
 * @param form         what the main form shows: the editor's input after a refusal, else the stored values
 * @param mergeTargets the entities this one may be merged into (edit page)
 * @param history      the latest audit entries of this entity (edit page)
 * @param revisitLimit how many of the newest articles are revisited after a name is added
 */
public record EditorEntitiesView(String query, List<Entity> entities, Entity entity, Form form, String aliasInput,
                                 List<Entity> mergeTargets, String mergeInto, List<EditorAuditView.Row> history,
                                 int revisitLimit, String notice, boolean error, CsrfToken csrf) {

    /** An entity as the form holds it: aliases one per line. */
    public record Form(String id, String canonicalName, String kind, String aliases, String description) {

        public static final Form EMPTY = new Form("", "", "PERSON", "", "");

        static Form of(Entity entity) {
            return new Form(entity.id(), entity.canonicalName(), entity.kind().name(), String.join("\n", entity.aliases()),
                    entity.description());
        }

        List<String> aliasList() {
            return aliases == null ? List.of() : List.of(aliases.split("\\R"));
        }
    }
}

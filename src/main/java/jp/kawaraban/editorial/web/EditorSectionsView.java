package jp.kawaraban.editorial.web;

import java.util.List;

import jp.kawaraban.article.Section;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * {@code /editor/sections}: the sections in navigation order, each with a rename form and
 * move buttons, and a form to add one.
 *
 * @param newCode      what the editor typed into the add form (kept after a refusal)
 * @param renaming     the code of the section whose rename was refused, else null
 * @param renamingName the name the editor typed for it
 */
public record EditorSectionsView(List<Section> sections, String newCode, String newName, String renaming,
                                 String renamingName, String notice, boolean error, CsrfToken csrf) {

    /** The name shown in a section's rename field: the editor's refused input, or the current name. */
    public String nameInField(Section section) {
        return section.code().equals(renaming) ? renamingName : section.name();
    }
}

package jp.kawaraban.text;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One entry of the controlled vocabulary editors maintain: a person, an organisation or a
 * place, its canonical name, the other names it goes by in articles and a short note for
 * editors. Katakana spelling variants (ウィットコフ / ウィトコフ) need not be listed as
 * aliases when {@link KatakanaFolding} already folds them to one key; names that differ in
 * more than spelling (キーウ / キエフ, 米国 / アメリカ) must be.
 *
 * <p>The constructor normalises its input: blank or {@code null} aliases are dropped,
 * the others stripped and de-duplicated (the canonical name is not repeated among them),
 * and a {@code null} description becomes "".
 */
public record Entity(String id, String canonicalName, EntityKind kind, List<String> aliases,
        String description) {

    public Entity {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an entity needs an id");
        }
        if (canonicalName == null || canonicalName.isBlank()) {
            throw new IllegalArgumentException("entity " + id + " needs a canonical name");
        }
        Objects.requireNonNull(kind, "kind");
        canonicalName = canonicalName.strip();
        Set<String> cleaned = new LinkedHashSet<>();
        if (aliases != null) {
            for (String alias : aliases) {
                if (alias != null && !alias.isBlank() && !alias.strip().equals(canonicalName)) {
                    cleaned.add(alias.strip());
                }
            }
        }
        aliases = List.copyOf(cleaned);
        description = description == null ? "" : description;
    }

    /** An entity without aliases or description. */
    public Entity(String id, String canonicalName, EntityKind kind) {
        this(id, canonicalName, kind, List.of(), "");
    }

    /** The canonical name followed by the aliases. */
    public List<String> names() {
        return Stream.concat(Stream.of(canonicalName), aliases.stream()).toList();
    }
}

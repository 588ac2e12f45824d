package jp.kawaraban.platform.web;

import java.util.Map;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import org.springframework.stereotype.Component;

/**
 * Renders one module's template as a piece of another module's page: a module that adds a
 * part to a page it does not own hands back {@code fragments.of("personal/followControls", …)},
 * and the owning page writes it where the part belongs. Rendered when the page is written.
 */
@Component
public class Fragments {

    private final TemplateEngine engine;

    Fragments(TemplateEngine engine) {
        this.engine = engine;
    }

    /** @param template the template's name without {@code .jte}, e.g. {@code "commentary/block"} */
    public Content of(String template, Map<String, Object> params) {
        String name = template + ".jte";
        return output -> engine.render(name, params, output);
    }
}

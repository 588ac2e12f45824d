package jp.kawaraban.search.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import jp.kawaraban.platform.DemoMode;
import jp.kawaraban.search.Entities;
import jp.kawaraban.text.Entity;
import jp.kawaraban.text.EntityKind;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * The demo edition's entity vocabulary, loaded before the demo articles (on
 * {@link ApplicationStartedEvent}, which comes before the application runners that load
 * articles), so their first indexing already finds the mentions. Demo mode only. An entity
 * editors merged into another is not brought back.
 */
@Component
class DemoEntities {

    private final Entities entities;
    private final DemoMode demoMode;

    DemoEntities(Entities entities, DemoMode demoMode) {
        this.entities = entities;
        this.demoMode = demoMode;
    }

    @EventListener(ApplicationStartedEvent.class)
    void load() {
        if (!demoMode.enabled()) {
            return;
        }
        try (InputStream in = new ClassPathResource("demo/entities.yml").getInputStream()) {
            Map<String, List<Map<String, Object>>> yaml = new Yaml().load(in);
            for (Map<String, Object> entry : yaml.get("entities")) {
                String id = (String) entry.get("id");
                if (entities.find(id).isEmpty() && entities.mergedInto(id).isEmpty()) {
                    @SuppressWarnings("unchecked")
                    List<String> aliases = (List<String>) entry.getOrDefault("aliases", List.of());
                    entities.save(new Entity(id, (String) entry.get("name"), EntityKind.valueOf((String) entry.get("kind")),
                            aliases, (String) entry.getOrDefault("description", "")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read demo/entities.yml", e);
        }
    }
}

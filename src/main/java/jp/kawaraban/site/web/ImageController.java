package jp.kawaraban.site.web;

import java.time.Duration;

import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleImage;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves figure images. SVGs are sent with a policy that keeps any script in them inert. */
@RestController
class ImageController {

    private final ArticleCatalog catalog;

    ImageController(ArticleCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/images/{id}")
    ResponseEntity<byte[]> image(@PathVariable String id) {
        return catalog.image(id)
                .map(ImageController::response)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static ResponseEntity<byte[]> response(ArticleImage image) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic())
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .body(image.bytes());
    }
}

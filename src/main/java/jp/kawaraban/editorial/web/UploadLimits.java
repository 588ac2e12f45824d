package jp.kawaraban.editorial.web;

import jakarta.servlet.MultipartConfigElement;
import jp.kawaraban.editorial.EditorialProperties;
import jp.kawaraban.editorial.ImportProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Multipart limits derived from the figure and import limits, replacing {@code spring.servlet.multipart.*}
 * sizes. The container's limit sits well above the figure limit, so an ordinary oversized
 * figure is read and refused by {@code Figures} with the form kept and the limit named; only
 * far larger bodies are cut off by the container (see {@link EditorFigurePages}). Every
 * multipart request is parsed before anyone is known to be an editor (the CSRF check reads the
 * form), so this limit is also what an anonymous client can make the server buffer.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

    private static final long MB = DataSize.ofMegabytes(1).toBytes();

    @Bean
    MultipartConfigElement multipartConfigElement(EditorialProperties editorial, ImportProperties imports) {
        long figure = editorial.figures().maxBytes().toBytes();
        // a partner page a little over the import limit still reaches the importer, which names the limit
        long page = imports.maxBytes().toBytes();
        long file = Math.max(Math.max(2 * figure, figure + MB), page + page / 2);
        return new MultipartConfigElement(null, file, file + MB, (int) MB);
    }
}

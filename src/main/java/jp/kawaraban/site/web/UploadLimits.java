package jp.kawaraban.site.web;

import jakarta.servlet.MultipartConfigElement;
import jp.kawaraban.editorial.EditorialProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Multipart limits derived from the figure limit, replacing {@code spring.servlet.multipart.*}
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
    MultipartConfigElement multipartConfigElement(EditorialProperties editorial) {
        long figure = editorial.figures().maxBytes().toBytes();
        long file = Math.max(2 * figure, figure + MB);
        return new MultipartConfigElement(null, file, file + MB, (int) MB);
    }
}

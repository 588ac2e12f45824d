package jp.kawaraban.platform.web;

import java.util.Locale;
import java.util.Map;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.servlet.view.AbstractUrlBasedView;
import org.springframework.web.servlet.view.UrlBasedViewResolver;

/**
 * Resolves a controller's view name {@code "site/article"} to the precompiled template
 * {@code site/article.jte}; {@code redirect:} and {@code forward:} keep their Spring meaning.
 */
public class JteViewResolver extends UrlBasedViewResolver {

    private final TemplateEngine engine;
    private final ObjectProvider<LayoutModel> layout;

    public JteViewResolver(TemplateEngine engine, ObjectProvider<LayoutModel> layout) {
        this.engine = engine;
        this.layout = layout;
        setViewClass(JteView.class);
        setSuffix(".jte");
        setContentType("text/html;charset=UTF-8");
        setExposeContextBeansAsAttributes(false);
    }

    @Override
    protected boolean canHandle(String viewName, Locale locale) {
        return viewName.startsWith(REDIRECT_URL_PREFIX) || viewName.startsWith(FORWARD_URL_PREFIX)
                || engine.hasTemplate(viewName + getSuffix());
    }

    @Override
    protected AbstractUrlBasedView instantiateView() {
        return new JteView(engine, layout);
    }

    static final class JteView extends AbstractUrlBasedView {

        private final TemplateEngine engine;
        private final ObjectProvider<LayoutModel> layout;

        JteView(TemplateEngine engine, ObjectProvider<LayoutModel> layout) {
            this.engine = engine;
            this.layout = layout;
        }

        @Override
        protected void renderMergedOutputModel(Map<String, Object> model, HttpServletRequest request,
                                               HttpServletResponse response) throws Exception {
            layout.forEach(contributor -> contributor.addTo(model));
            Utf8ByteOutput output = new Utf8ByteOutput();
            engine.render(getUrl(), model, output);
            response.setContentType(getContentType());
            // One write, not one per template fragment: every write passes through the response
            // wrappers of Spring Security and Spring Session, which check the length each time.
            var page = new java.io.ByteArrayOutputStream(output.getContentLength());
            output.writeTo(page);
            response.setContentLength(page.size());
            page.writeTo(response.getOutputStream());
        }
    }
}

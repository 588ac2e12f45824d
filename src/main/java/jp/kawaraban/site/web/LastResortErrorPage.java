package jp.kawaraban.site.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PageMeta;
import jp.kawaraban.site.SiteProperties;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * The page a reader gets when even the error page could not be made: a failure outside any
 * page that came back while {@link ErrorPages} was answering (a session that could not be
 * saved, a filter that failed on every dispatch). Tomcat would write its own English report;
 * this replaces Tomcat's error report valve with one that writes the site's 500 page, rendered
 * once from the same template with no section navigation, so it needs neither the database
 * nor the session.
 */
@Component
class LastResortErrorPage implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private static final Log LOG = LogFactory.getLog(LastResortErrorPage.class);

    private final ObjectProvider<TemplateEngine> templates;
    private final ObjectProvider<Messages> messages;
    private final ObjectProvider<SiteProperties> site;
    private volatile String html;

    LastResortErrorPage(ObjectProvider<TemplateEngine> templates, ObjectProvider<Messages> messages,
                        ObjectProvider<SiteProperties> site) {
        this.templates = templates;
        this.messages = messages;
        this.site = site;
    }

    /** After Spring Boot's own customizer, which adds the plain valve this one takes the place of. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Pipeline host = context.getParent().getPipeline();
            for (Valve valve : host.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.removeValve(valve);
                }
            }
            host.addValve(new SiteErrorReport(this));
            if (context.getParent() instanceof StandardHost standard) {
                // The host adds a valve of this class at start unless one is there already.
                standard.setErrorReportValveClass(SiteErrorReport.class.getName());
            }
        });
    }

    /** The site's 500 page, or null if it cannot be made (then Tomcat's report is the fallback). */
    String html() {
        String page = html;
        if (page == null) {
            try {
                Messages msg = messages.getObject();
                String title = msg.get("error.serverError.title");
                Chrome chrome = new Chrome(msg, site.getObject().name(), List.of(), PageMeta.hidden(title), null,
                        Visitor.ANONYMOUS);
                StringOutput out = new StringOutput();
                templates.getObject().render("site/error.jte", Map.of("chrome", chrome, "status", 500,
                        "kind", "serverError"), out);
                page = out.toString();
                html = page;
            } catch (RuntimeException failed) {
                LOG.error("The last-resort error page could not be rendered", failed);
                return null;
            }
        }
        return page;
    }

    /**
     * Writes the site's 500 page wherever Tomcat would write its report of a server error (no
     * details, no stack trace); other statuses keep Tomcat's short report without details.
     */
    public static final class SiteErrorReport extends ErrorReportValve {

        private final LastResortErrorPage page;

        public SiteErrorReport() {
            this(null);
        }

        SiteErrorReport(LastResortErrorPage page) {
            this.page = page;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            String html = page == null ? null : page.html();
            int status = response.getStatus();
            if (html == null || status < 500 || response.getContentWritten() > 0) {
                super.report(request, response, throwable);
                return;
            }
            if (!response.setErrorReported()) {
                return;
            }
            try {
                response.setContentType("text/html");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.setHeader("Cache-Control", "no-store");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(html);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException ignored) {
                // The client has gone or the response was already sent: nothing more to say.
            }
        }
    }
}

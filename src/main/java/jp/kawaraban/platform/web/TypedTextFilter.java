package jp.kawaraban.platform.web;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * Refuses requests whose text is not {@link TypedText typed text} before anything reads them —
 * before the session is looked up, before Spring Security takes the log-in form's address,
 * before a handler queries the database with it: the path, every query parameter, the fields
 * of a form and the strings of a JSON body. The answer is the one every refusal gets
 * ({@link InvalidCharactersException}, through the application's exception handlers): 400,
 * problem details under {@code /api/}, a Japanese page elsewhere.
 * <p>
 * File uploads (multipart) are not parsed here, so their size limits stay where the desk
 * checks them: their fields are checked as they are read. What is inside an uploaded file is
 * the reader of that file's business (the importer cleans stray control characters).
 */
final class TypedTextFilter extends OncePerRequestFilter {

    private final HandlerExceptionResolver refusals;
    private final JteViewResolver views;

    TypedTextFilter(HandlerExceptionResolver refusals, JteViewResolver views) {
        this.refusals = refusals;
        this.views = views;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest checked = request;
        try {
            check(request);
            if (isMultipart(request)) {
                checked = new FieldsCheckedAsRead(request);
            } else if (isJson(request)) {
                byte[] body = request.getInputStream().readAllBytes();
                if (!JsonText.acceptable(body)) {
                    throw new InvalidCharactersException("body");
                }
                checked = new ReadAgain(request, body);
            } else if (isForm(request) && !"POST".equals(request.getMethod())) {
                // The container reads only a POST's form; Spring reads a PUT's or DELETE's later itself.
                byte[] body = request.getInputStream().readAllBytes();
                checkPairs(new String(body, StandardCharsets.ISO_8859_1));
                checked = new ReadAgain(request, body);
            }
        } catch (InvalidCharactersException refused) {
            refuse(refused, request, response);
            return;
        }
        try {
            chain.doFilter(checked, response);
        } catch (InvalidCharactersException refused) {
            // A field of an upload, read by a filter before any handler could answer.
            if (response.isCommitted()) {
                throw refused;
            }
            response.reset();
            refuse(refused, request, response);
        }
    }

    private static void check(HttpServletRequest request) {
        for (String segment : request.getRequestURI().split("/")) {
            if (TypedText.decodeStrictly(segment, false, false).isEmpty()) {
                throw new InvalidCharactersException("path");
            }
        }
        if (request.getQueryString() != null) {
            checkPairs(request.getQueryString());
        }
        if (isForm(request) && "POST".equals(request.getMethod())) {
            // A form's fields: the container decodes them (strictly) as they are first asked for.
            Map<String, String[]> fields;
            try {
                fields = request.getParameterMap();
            } catch (IllegalStateException unreadable) {
                if (causedBy(unreadable, CharacterCodingException.class)) {
                    throw new InvalidCharactersException("body");
                }
                return; // too many or too large: the container answers that as before
            }
            fields.forEach((name, values) -> checkField(name, values));
        }
    }

    /** {@code name=value&…}, percent-encoded (a query string, a form's body). */
    private static void checkPairs(String encoded) {
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            Optional<String> decodedName = TypedText.decodeStrictly(name, true, false);
            if (decodedName.isEmpty() || equals >= 0 && TypedText.decodeStrictly(pair.substring(equals + 1), true, true).isEmpty()) {
                throw new InvalidCharactersException(decodedName.orElse("?"));
            }
        }
    }

    private static void checkField(String name, String[] values) {
        if (!TypedText.acceptable(name, false)) {
            throw new InvalidCharactersException("?");
        }
        for (String value : values) {
            if (value != null && !TypedText.acceptable(value, true)) {
                throw new InvalidCharactersException(name);
            }
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        String media = type.toLowerCase(java.util.Locale.ROOT).split(";")[0].strip();
        return media.equals("application/json") || media.endsWith("+json");
    }

    /** Answers as the application answers every refusal, though no handler was chosen yet. */
    private void refuse(InvalidCharactersException refused, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        ModelAndView answer = refusals.resolveException(request, response, null, refused);
        if (answer == null) {
            response.sendError(HttpStatus.BAD_REQUEST.value());
            return;
        }
        if (answer.isEmpty()) {
            return; // the handler wrote the answer itself (problem details)
        }
        response.setStatus(answer.getStatus() == null ? HttpStatus.BAD_REQUEST.value() : answer.getStatus().value());
        try {
            View view = answer.getView() != null ? answer.getView()
                    : views.resolveViewName(answer.getViewName(), Messages.READER_LOCALE);
            if (view == null) {
                response.sendError(HttpStatus.BAD_REQUEST.value());
                return;
            }
            view.render(answer.getModel(), request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }

    /** An upload's fields, each checked when something asks for it (parsing it is left to whoever does). */
    private static final class FieldsCheckedAsRead extends HttpServletRequestWrapper {

        FieldsCheckedAsRead(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            String value = super.getParameter(name);
            if (value != null) {
                checkField(name, new String[] {value});
            }
            return value;
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = super.getParameterValues(name);
            if (values != null) {
                checkField(name, values);
            }
            return values;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> fields = super.getParameterMap();
            fields.forEach(TypedTextFilter::checkField);
            return fields;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            getParameterMap();
            return super.getParameterNames();
        }
    }

    /** The body, read once to be checked, given to whoever reads it next. */
    private static final class ReadAgain extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("read synchronously");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }
    }
}

package jp.kawaraban;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** A multipart/form-data upload, as a browser's file form sends it, over a {@link WebSession}. */
public final class Multipart {

    private final String boundary = "----kawaraban" + UUID.randomUUID().toString().replace("-", "");
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    public Multipart field(String name, String value) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
        body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        write("\r\n");
        return this;
    }

    /** A field of exactly these bytes (whatever they are as text). */
    public Multipart rawField(String name, byte[] value) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
        body.writeBytes(value);
        write("\r\n");
        return this;
    }

    public Multipart file(String name, String fileName, String contentType, byte[] bytes) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        body.writeBytes(bytes);
        write("\r\n");
        return this;
    }

    /** Posts to {@code path} on the session's server with its cookies and any extra headers. */
    public HttpResponse<String> post(WebSession session, String path, Map<String, String> headers) {
        write("--" + boundary + "--\r\n");
        var request = HttpRequest.newBuilder(URI.create(session.base() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary);
        headers.forEach(request::header);
        return session.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private void write(String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}

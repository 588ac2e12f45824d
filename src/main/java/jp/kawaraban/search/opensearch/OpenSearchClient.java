package jp.kawaraban.search.opensearch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jp.kawaraban.search.SearchEngineUnavailableException;
import jp.kawaraban.search.SearchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenSearch's REST API over the JDK's HTTP client, with JSON through our own Jackson: the
 * few calls the index needs, and no client library bringing a second Jackson and another HTTP
 * stack into the jar (decision 0036). Addresses are tried in turn, starting with the last one
 * that answered. An engine that does not answer, or answers that it cannot work now (429,
 * 502–504), is {@link SearchEngineUnavailableException}; the log says so once when it goes
 * away and once when it is back.
 */
public class OpenSearchClient {

    private static final Logger log = LoggerFactory.getLogger(OpenSearchClient.class);

    private final List<URI> uris;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;
    private final JsonMapper json;
    private final AtomicInteger current = new AtomicInteger();
    private final AtomicBoolean away = new AtomicBoolean();

    public OpenSearchClient(SearchProperties.OpenSearch settings, JsonMapper json) {
        if (settings.uris() == null || settings.uris().isEmpty()) {
            throw new IllegalArgumentException("kawaraban.search.opensearch.uris names no address");
        }
        this.uris = List.copyOf(settings.uris());
        this.authorization = settings.username() == null || settings.username().isEmpty() ? null
                : "Basic " + Base64.getEncoder().encodeToString((settings.username() + ":"
                + (settings.password() == null ? "" : settings.password())).getBytes(StandardCharsets.UTF_8));
        this.timeout = settings.timeout();
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** An answer: its status and its JSON body (a missing node when it had none). */
    public record Answer(int status, JsonNode body) {

        public boolean found() {
            return status != 404;
        }
    }

    public JsonMapper json() {
        return json;
    }

    public Answer get(String path) {
        return send("GET", path, null, "application/json");
    }

    public Answer delete(String path) {
        return send("DELETE", path, null, "application/json");
    }

    public Answer put(String path, JsonNode body) {
        return send("PUT", path, json.writeValueAsString(body), "application/json");
    }

    public Answer post(String path, JsonNode body) {
        return send("POST", path, body == null ? null : json.writeValueAsString(body), "application/json");
    }

    /** A {@code _bulk} request: one JSON object a line. */
    public Answer bulk(String path, String lines) {
        return send("POST", path, lines, "application/x-ndjson");
    }

    /**
     * Sends one request. A status of 400 or more other than 404 (which callers read as "not
     * there") is a request the engine refused: a mistake of ours, thrown as such with its reason.
     */
    Answer send(String method, String path, String body, String contentType) {
        int start = current.get();
        Exception lastFailure = null;
        for (int i = 0; i < uris.size(); i++) {
            int which = (start + i) % uris.size();
            URI uri = uris.get(which).resolve(path);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", contentType)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException unreachable) {
                lastFailure = unreachable;
                continue;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new SearchEngineUnavailableException("interrupted while waiting for " + uri, interrupted);
            }
            int status = response.statusCode();
            if (status == 429 || status == 502 || status == 503 || status == 504) {
                lastFailure = new IOException(uri + " answered " + status + ": " + abbreviated(response.body()));
                continue;
            }
            current.set(which);
            if (away.compareAndSet(true, false)) {
                log.info("OpenSearch answers again at {}: search works, and indexing goes on from its queue", uris.get(which));
            }
            JsonNode answer = response.body() == null || response.body().isEmpty()
                    ? json.missingNode() : json.readTree(response.body());
            if (status >= 400 && status != 404) {
                if (status == 401 || status == 403) {
                    // Wrong credentials are the operator's to fix, like an address that does not answer.
                    throw unavailable(method + " " + path + " refused (" + status + "): check "
                            + "kawaraban.search.opensearch.username and password", null);
                }
                throw new IllegalStateException("OpenSearch refused " + method + " " + path + " (" + status + "): "
                        + abbreviated(response.body()));
            }
            return new Answer(status, answer);
        }
        throw unavailable("no answer from " + uris + " to " + method + " " + path + ": " + lastFailure, lastFailure);
    }

    private SearchEngineUnavailableException unavailable(String whatFailed, Exception cause) {
        if (away.compareAndSet(false, true)) {
            log.error("OpenSearch cannot be reached ({}): searches answer 503 and indexing waits in its queue "
                    + "until it is back", whatFailed);
        }
        return new SearchEngineUnavailableException(whatFailed, cause);
    }

    /** Whether the last request found the engine away. */
    public boolean away() {
        return away.get();
    }

    private static String abbreviated(String body) {
        if (body == null) {
            return "";
        }
        return body.length() > 500 ? body.substring(0, 500) + "…" : body;
    }
}

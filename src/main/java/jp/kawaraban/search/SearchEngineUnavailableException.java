package jp.kawaraban.search;

import jp.kawaraban.platform.Refusal;

/**
 * The search engine (an OpenSearch cluster) could not be reached or answered that it cannot
 * work now. Readers get 503 with a Japanese message, as for any failure on our side that may
 * pass; nothing stored changes. Indexing leaves the article in its queue and tries again once
 * the engine answers (decision 0036).
 */
public class SearchEngineUnavailableException extends Refusal {

    private final String whatFailed;

    public SearchEngineUnavailableException(String whatFailed, Throwable cause) {
        super(Kind.UNAVAILABLE, "search.unavailable");
        if (cause != null) {
            initCause(cause);
        }
        this.whatFailed = whatFailed;
    }

    /** What went wrong, for the log (the address, the engine's answer); never shown to readers. */
    public String whatFailed() {
        return whatFailed;
    }

    @Override
    public String code() {
        return "SEARCH_UNAVAILABLE";
    }

    @Override
    public String getMessage() {
        return super.getMessage() + ": " + whatFailed;
    }
}

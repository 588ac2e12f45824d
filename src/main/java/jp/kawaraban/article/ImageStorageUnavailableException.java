package jp.kawaraban.article;

import jp.kawaraban.platform.Refusal;

/**
 * The store that keeps figure images (an S3-compatible object store) could not be reached or
 * refused the request: the bucket is missing, the credentials are wrong, or the server is
 * down. Nothing was stored: an upload that meets this leaves no image, no library entry and no
 * audit record behind (the transaction around it rolls back). Answered 503, as a failure on
 * our side that may pass, and logged with the store's own reason for the operator.
 */
public class ImageStorageUnavailableException extends Refusal {

    private final String whatFailed;

    public ImageStorageUnavailableException(String whatFailed, Throwable cause) {
        super(Kind.UNAVAILABLE, "article.images.unavailable");
        initCause(cause);
        this.whatFailed = whatFailed;
    }

    /** What went wrong, for the log (the bucket, the endpoint, the store's answer); never shown to readers. */
    public String whatFailed() {
        return whatFailed;
    }

    @Override
    public String code() {
        return "IMAGE_STORE_UNAVAILABLE";
    }

    @Override
    public String getMessage() {
        return super.getMessage() + ": " + whatFailed;
    }
}

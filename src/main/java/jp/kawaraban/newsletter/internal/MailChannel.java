package jp.kawaraban.newsletter.internal;

import jp.kawaraban.newsletter.RenderedMessage;

/**
 * Where issues go, one connection per batch: an SMTP transport kept open across the batch,
 * or (embedded default) the files the demo shows at {@code /dev/mail}.
 */
public interface MailChannel {

    Connection open();

    interface Connection extends AutoCloseable {

        /** Returns once the server accepted the message; throws if it did not. */
        void send(RenderedMessage message) throws Exception;

        @Override
        void close();
    }
}

package jp.kawaraban.newsletter.internal;

import jp.kawaraban.newsletter.RenderedMessage;

/**
 * Where issues go, one connection per delivery worker: an SMTP connection kept open across
 * its batches, or (embedded default) the files the demo shows at {@code /dev/mail}.
 */
public interface MailChannel {

    Connection open();

    interface Connection extends AutoCloseable {

        /**
         * Returns once the server accepted the message; throws if it did not: {@link Refused}
         * when the server refused this one message, anything else when the connection failed.
         */
        void send(RenderedMessage message) throws Exception;

        @Override
        void close();
    }

    /** The server (or the sender, for an address it cannot write) refused this one message. */
    final class Refused extends Exception {

        private final boolean connectionUsable;

        public Refused(String message, boolean connectionUsable) {
            super(message);
            this.connectionUsable = connectionUsable;
        }

        /** True when the same connection can carry the next message. */
        public boolean connectionUsable() {
            return connectionUsable;
        }
    }
}

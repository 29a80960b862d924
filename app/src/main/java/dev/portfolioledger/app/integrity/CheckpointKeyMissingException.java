package dev.portfolioledger.app.integrity;

/** No usable Ed25519 key to sign checkpoints with: the service refuses to start without one. */
public class CheckpointKeyMissingException extends RuntimeException {

    public CheckpointKeyMissingException(String message) {
        super(message);
    }

    public CheckpointKeyMissingException(String message, Throwable cause) {
        super(message, cause);
    }
}

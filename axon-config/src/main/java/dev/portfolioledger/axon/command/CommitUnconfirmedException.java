package dev.portfolioledger.axon.command;

/**
 * The command was handed to the command bus, but what became of it could not be confirmed: the
 * database went away between the command's commit and reading its receipt back. The change is
 * probably stored; a client can only be told that the outcome is unknown and that a retry with
 * the same Idempotency-Key (or the same client-chosen id) is safe.
 */
public class CommitUnconfirmedException extends RuntimeException {

    public CommitUnconfirmedException(String message, Throwable cause) {
        super(message, cause);
    }
}

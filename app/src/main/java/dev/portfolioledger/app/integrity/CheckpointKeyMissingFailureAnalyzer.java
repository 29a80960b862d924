package dev.portfolioledger.app.integrity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says in plain words why the service did not start without a checkpoint key, and how to make one. */
class CheckpointKeyMissingFailureAnalyzer extends AbstractFailureAnalyzer<CheckpointKeyMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CheckpointKeyMissingException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Create an Ed25519 key pair (openssl genpkey -algorithm ed25519 -out checkpoint-key.pem; openssl pkey"
                        + " -in checkpoint-key.pem -pubout -out checkpoint-key.pub.pem), keep the private key where only"
                        + " the service can read it, and set portfolio.integrity.private-key-file and"
                        + " portfolio.integrity.public-key-file (PORTFOLIO_INTEGRITY_PRIVATE_KEY_FILE,"
                        + " PORTFOLIO_INTEGRITY_PUBLIC_KEY_FILE). Every instance on one database uses the same pair.",
                cause);
    }
}

package dev.portfolioledger.app.integrity;

import dev.portfolioledger.axon.security.Roles;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

import java.util.List;

/** The audit trail's verification, proofs and checkpoints of integrity.graphqls. */
@IntegrityEnabled
@Controller
public class AuditIntegrityGraphQlController {

    /** The most findings one answer lists; findingCount tells how many there were. */
    public static final int MAX_LISTED_FINDINGS = 1000;

    private final AuditTrailVerifier verifier;
    private final AuditProofs proofs;
    private final AuditCheckpoints checkpoints;

    public AuditIntegrityGraphQlController(AuditTrailVerifier verifier, AuditProofs proofs,
                                           AuditCheckpoints checkpoints) {
        this.verifier = verifier;
        this.proofs = proofs;
        this.checkpoints = checkpoints;
    }

    @QueryMapping
    @PreAuthorize(Roles.VERIFY_AUDIT)
    public AuditVerification verifyAuditTrail(@Argument Integer from, @Argument Integer to) {
        return verifier.verify(from, to);
    }

    @QueryMapping
    @PreAuthorize(Roles.VERIFY_AUDIT)
    public AuditProofView auditProof(@Argument String eventId, @Argument String aggregateId,
                                     @Argument Integer sequenceNumber) {
        return proofs.inclusion(eventId, aggregateId, sequenceNumber);
    }

    @QueryMapping
    @PreAuthorize(Roles.VERIFY_AUDIT)
    public ConsistencyProofView consistencyProof(@Argument int fromTreeSize, @Argument Integer toTreeSize) {
        return proofs.consistency(fromTreeSize, toTreeSize);
    }

    @QueryMapping
    @PreAuthorize(Roles.VERIFY_AUDIT)
    public AuditCheckpointView auditCheckpoint() {
        return checkpoints.latest().map(AuditCheckpointView::of).orElse(null);
    }

    @MutationMapping
    @PreAuthorize(Roles.SIGN_CHECKPOINTS)
    public CreateAuditCheckpointPayload createAuditCheckpoint() {
        return new CreateAuditCheckpointPayload(AuditCheckpointView.of(checkpoints.signNow()));
    }

    @SchemaMapping(typeName = "AuditVerification", field = "intact")
    public boolean intact(AuditVerification verification) {
        return verification.intact();
    }

    @SchemaMapping(typeName = "AuditVerification", field = "findings")
    public List<AuditFinding> findings(AuditVerification verification) {
        List<AuditFinding> findings = verification.findings();
        return findings.size() <= MAX_LISTED_FINDINGS ? findings : findings.subList(0, MAX_LISTED_FINDINGS);
    }

    @SchemaMapping(typeName = "AuditVerification", field = "findingCount")
    public int findingCount(AuditVerification verification) {
        return verification.findings().size();
    }

    @SchemaMapping(typeName = "AuditFinding", field = "location")
    public String location(AuditFinding finding) {
        return Long.toString(finding.location());
    }

    @SchemaMapping(typeName = "AuditFinding", field = "globalIndex")
    public String globalIndex(AuditFinding finding) {
        return finding.globalIndex() == null ? null : finding.globalIndex().toString();
    }

    @SchemaMapping(typeName = "AuditFinding", field = "eventId")
    public String eventId(AuditFinding finding) {
        return finding.eventIdentifier();
    }

    @SchemaMapping(typeName = "AuditFinding", field = "aggregateId")
    public String aggregateId(AuditFinding finding) {
        return finding.aggregateIdentifier();
    }
}

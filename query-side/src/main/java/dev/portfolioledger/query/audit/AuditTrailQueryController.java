package dev.portfolioledger.query.audit;

import dev.portfolioledger.axon.security.Roles;
import dev.portfolioledger.query.paging.Connection;
import dev.portfolioledger.query.paging.Cursors;
import dev.portfolioledger.query.paging.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;

import java.time.OffsetDateTime;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The audit trail: every stored event, newest first. */
@Controller
public class AuditTrailQueryController {

    static final int DEFAULT_PAGE_SIZE = 50;

    private final AuditEntries auditEntries;

    public AuditTrailQueryController(AuditEntries auditEntries) {
        this.auditEntries = auditEntries;
    }

    @QueryMapping
    @PreAuthorize(Roles.READ_AUDIT)
    public Connection<AuditEntry> auditTrail(@Argument AuditTrailFilter filter, @Argument Integer first,
                                             @Argument String after, @Argument OffsetDateTime asOf) {
        PageRequest<Long> page = PageRequest.of(first, DEFAULT_PAGE_SIZE, after,
                cursor -> Cursors.decodeLong(AuditEntries.LISTING, cursor));
        return auditEntries.page(filter == null ? AuditTrailFilter.ALL : filter.checked(), page, asOf);
    }

    /** As a string: global indexes outgrow GraphQL's 32-bit Int. */
    @SchemaMapping(typeName = "AuditEntry", field = "globalIndex")
    public String globalIndex(AuditEntry entry) {
        return Long.toString(entry.globalIndex());
    }
}

package dev.portfolioledger.query.audit;

import dev.portfolioledger.axon.security.Roles;
import dev.portfolioledger.query.paging.Connection;
import dev.portfolioledger.query.paging.Cursors;
import dev.portfolioledger.query.paging.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The refusals on record, newest first. */
@Controller
public class AccessDenialQueryController {

    static final int DEFAULT_PAGE_SIZE = 50;

    private final AccessDenials denials;

    public AccessDenialQueryController(AccessDenials denials) {
        this.denials = denials;
    }

    @QueryMapping
    @PreAuthorize(Roles.READ_ACCESS_DENIALS)
    public Connection<AccessDenialView> accessDenials(@Argument AccessDenialFilter filter, @Argument Integer first,
                                                      @Argument String after) {
        PageRequest<Long> page = PageRequest.of(first, DEFAULT_PAGE_SIZE, after,
                cursor -> Cursors.decodeLong(AccessDenials.LISTING, cursor));
        return denials.page(filter == null ? AccessDenialFilter.ALL : filter.checked(), page);
    }

    /** As a string: global indexes outgrow GraphQL's 32-bit Int. */
    @SchemaMapping(typeName = "AccessDenial", field = "globalIndex")
    public String globalIndex(AccessDenialView denial) {
        return Long.toString(denial.globalIndex());
    }
}

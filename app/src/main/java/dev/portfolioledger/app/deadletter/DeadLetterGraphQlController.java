package dev.portfolioledger.app.deadletter;

import dev.portfolioledger.axon.security.Roles;
import dev.portfolioledger.query.paging.Connection;
import dev.portfolioledger.query.paging.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

import java.util.List;

/**
 * The operator's dead-letter API of dead-letters.graphqls. It lives in the app because it reaches
 * into Axon's processors and dead-letter queues, which belong to neither side.
 */
@Controller
public class DeadLetterGraphQlController {

    static final int DEFAULT_PAGE_SIZE = 20;

    private final DeadLetters deadLetters;

    public DeadLetterGraphQlController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @QueryMapping
    @PreAuthorize(Roles.OPERATE)
    public Connection<ParkedEvent> deadLetters(@Argument String processingGroup, @Argument Integer first,
                                               @Argument String after) {
        PageRequest<List<String>> page = PageRequest.of(first, DEFAULT_PAGE_SIZE, after, DeadLetters::afterCursor);
        return deadLetters.page(processingGroup, page);
    }

    @MutationMapping
    @PreAuthorize(Roles.OPERATE)
    public RetryDeadLettersPayload retryDeadLetters(@Argument RetryDeadLettersInput input) {
        return deadLetters.retry(input.processingGroup(), input.sequenceIdentifier());
    }

    @MutationMapping
    @PreAuthorize(Roles.OPERATE)
    public SkipDeadLetterPayload skipDeadLetter(@Argument SkipDeadLetterInput input) {
        return deadLetters.skip(input.processingGroup(), input.sequenceIdentifier(), input.reason());
    }

    /** As strings: global indexes outgrow GraphQL's 32-bit Int. */
    @SchemaMapping(typeName = "DeadLetter", field = "globalIndex")
    public String globalIndex(ParkedEvent letter) {
        return letter.globalIndex() == null ? null : Long.toString(letter.globalIndex());
    }
}

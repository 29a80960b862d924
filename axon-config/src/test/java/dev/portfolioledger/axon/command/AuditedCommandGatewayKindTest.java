package dev.portfolioledger.axon.command;

import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.ProjectId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** NOT_FOUND and ALREADY_EXISTS name the kind of aggregate from the command's typed id, not from a field name. */
class AuditedCommandGatewayKindTest {

    @Test
    void theKindIsTheTypedIdsName() {
        assertThat(AuditedCommandGateway.kindOf(ProjectId.random())).isEqualTo("project");
        assertThat(AuditedCommandGateway.kindOf(PortfolioId.random())).isEqualTo("portfolio");
        assertThat(AuditedCommandGateway.kindOf(ChangeRequestId.random())).isEqualTo("change request");
    }

    @Test
    void anUntypedIdIsARecord() {
        assertThat(AuditedCommandGateway.kindOf("00000000-0000-0000-0000-000000000001")).isEqualTo("record");
    }
}

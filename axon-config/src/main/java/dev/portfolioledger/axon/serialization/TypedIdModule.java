package dev.portfolioledger.axon.serialization;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.portfolioledger.api.audit.AccessDenialId;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.finance.CostEntryId;
import dev.portfolioledger.api.finance.CostLedgerId;
import dev.portfolioledger.api.operations.DeadLetterSkipId;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.MilestoneId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.resource.AllocationId;
import dev.portfolioledger.api.resource.LeaveId;
import dev.portfolioledger.api.resource.ResourceId;
import dev.portfolioledger.api.resource.TimeEntryId;
import dev.portfolioledger.api.risk.RiskId;
import dev.portfolioledger.api.quality.StakeholderId;
import dev.portfolioledger.api.status.StatusReportId;

import java.util.function.Function;

/**
 * Writes typed ids as their bare UUID string, so stored event payloads (and the audit trail that
 * shows them) read {@code "portfolioId":"…"} rather than a nested object. As map keys (in
 * aggregate snapshots: deliverables by id) they are the same string, which Jackson writes by
 * {@code toString()} and reads back here.
 */
public class TypedIdModule extends SimpleModule {

    public TypedIdModule() {
        super("portfolio-ledger-typed-ids");
        register(PortfolioId.class, PortfolioId::of);
        register(ProgramId.class, ProgramId::of);
        register(ProjectId.class, ProjectId::of);
        register(DeliverableId.class, DeliverableId::of);
        register(MilestoneId.class, MilestoneId::of);
        register(ChangeRequestId.class, ChangeRequestId::of);
        register(DeadLetterSkipId.class, DeadLetterSkipId::of);
        register(ResourceId.class, ResourceId::of);
        register(AllocationId.class, AllocationId::of);
        register(LeaveId.class, LeaveId::of);
        register(TimeEntryId.class, TimeEntryId::of);
        register(CostLedgerId.class, CostLedgerId::of);
        register(CostEntryId.class, CostEntryId::of);
        register(StatusReportId.class, StatusReportId::of);
        register(StakeholderId.class, StakeholderId::of);
        register(AccessDenialId.class, AccessDenialId::of);
        register(RiskId.class, RiskId::of);
    }

    private <T> void register(Class<T> type, Function<String, T> parser) {
        addSerializer(type, ToStringSerializer.instance);
        addDeserializer(type, new FromStringDeserializer<>(type) {
            @Override
            protected T _deserialize(String value, DeserializationContext context) {
                return parser.apply(value);
            }
        });
        addKeyDeserializer(type, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext context) {
                return parser.apply(key);
            }
        });
    }
}

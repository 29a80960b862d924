package dev.portfolioledger.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.portfolioledger.api.changerequest.ChangeRequestEvent;
import dev.portfolioledger.api.finance.CostLedgerEvent;
import dev.portfolioledger.api.project.ProjectEvent;
import dev.portfolioledger.api.resource.ResourceEvent;
import dev.portfolioledger.api.risk.RiskEvent;
import dev.portfolioledger.api.status.StatusReportEvent;
import dev.portfolioledger.axon.config.AxonInfrastructureConfiguration;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The module boundaries of DESIGN.md, checked on the compiled classes of every module. */
class ArchitectureTest {

    private static JavaClasses imported;

    /** An aggregate, or a class nested in one (its entities and value types). */
    private static final DescribedPredicate<JavaClass> AGGREGATE_OR_MEMBER = DescribedPredicate.describe(
            "aggregates and the classes nested in them",
            type -> type.isAnnotatedWith(Aggregate.class)
                    || type.getEnclosingClass().map(enclosing -> enclosing.isAnnotatedWith(Aggregate.class)).orElse(false));

    @BeforeAll
    static void importClasses() {
        imported = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.portfolioledger");
    }

    @Test
    void commandSideNeverUsesQuerySide() {
        noClasses().that().resideInAPackage("dev.portfolioledger.command..")
                .should().dependOnClassesThat().resideInAPackage("dev.portfolioledger.query..")
                .check(imported);
    }

    @Test
    void querySideNeverUsesCommandSide() {
        noClasses().that().resideInAPackage("dev.portfolioledger.query..")
                .should().dependOnClassesThat().resideInAPackage("dev.portfolioledger.command..")
                .check(imported);
    }

    @Test
    void sharedApiDependsOnlyOnTheJdkAndAxonAnnotations() {
        classes().that().resideInAPackage("dev.portfolioledger.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "dev.portfolioledger.api..", "java..",
                        "org.axonframework.modelling.command", "org.axonframework.serialization")
                .check(imported);
    }

    @Test
    void sharedApiHasNoSpringJpaOrJackson() {
        noClasses().that().resideInAPackage("dev.portfolioledger.api..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "javax.persistence..",
                        "com.fasterxml.jackson..")
                .check(imported);
    }

    @Test
    void axonConfigKnowsNeitherSide() {
        noClasses().that().resideInAPackage("dev.portfolioledger.axon..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.portfolioledger.command..", "dev.portfolioledger.query..", "dev.portfolioledger.app..")
                .check(imported);
    }

    /**
     * The audit log's evidence is checked by a standalone verifier that has the JDK and Jackson and
     * nothing else (docs/audit-integrity.md): the integrity core cannot lean on Spring, Axon or JDBC.
     */
    @Test
    void integrityCoreNeedsNothingButTheJdkAndJackson() {
        classes().that().resideInAPackage("dev.portfolioledger.axon.integrity..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "dev.portfolioledger.axon.integrity..", "java..", "com.fasterxml.jackson..")
                .andShould().onlyDependOnClassesThat().resideOutsideOfPackages("java.sql..")
                .check(imported);
    }

    /** {@code verify-evidence} runs where the service does not: no Spring, no database, the core and Jackson. */
    @Test
    void theEvidenceVerifierCommandNeedsNoSpringAndNoDatabase() {
        classes().that().haveFullyQualifiedName("dev.portfolioledger.app.cli.VerifyEvidenceCommand")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.portfolioledger.axon.integrity..",
                        "dev.portfolioledger.app.cli..", "java..", "com.fasterxml.jackson..")
                .andShould().onlyDependOnClassesThat().resideOutsideOfPackages("java.sql..")
                .check(imported);
    }

    @Test
    void sidesDoNotReachIntoTheApp() {
        noClasses().that().resideInAnyPackage("dev.portfolioledger.command..", "dev.portfolioledger.query..")
                .should().dependOnClassesThat().resideInAPackage("dev.portfolioledger.app..")
                .check(imported);
    }

    /**
     * Feature packages one level below each module's root (query.asof, query.project, app.graphql,
     * api.project, ...) depend on each other in one direction only, so each can be read, tested and
     * moved without dragging the other along.
     */
    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("dev.portfolioledger.(*).(*)..").namingSlices("$1.$2")
                .should().beFreeOfCycles()
                .check(imported);
    }

    /** Jackson is the only serializer: XStream (which cannot read records) is not even on the classpath. */
    @Test
    void everyEventIsARecordWithARevision() {
        classes().that().resideInAPackage("dev.portfolioledger.api..").and().haveSimpleNameEndingWith("Event")
                .and().areNotInterfaces()
                .should().beRecords().andShould().beAnnotatedWith(Revision.class)
                .because("events are stored for ever: their shape is versioned from the first (HOUSE_STYLE 5)")
                .check(imported);
    }

    @Test
    void everyEventOfAProjectSaysWhichProjectAndEveryChangeRequestEventWhichRequest() {
        classes().that().resideInAPackage("dev.portfolioledger.api.project").and().haveSimpleNameEndingWith("Event")
                .and().areNotInterfaces().should().implement(ProjectEvent.class).check(imported);
        classes().that().resideInAPackage("dev.portfolioledger.api.changerequest")
                .and().haveSimpleNameEndingWith("Event").and().areNotInterfaces()
                .should().implement(ChangeRequestEvent.class).check(imported);
    }

    /** The resource view and its history route events by the family, not by a list of event types. */
    @Test
    void everyEventOfAResourceSaysWhichResource() {
        classes().that().resideInAPackage("dev.portfolioledger.api.resource").and().haveSimpleNameEndingWith("Event")
                .and().areNotInterfaces().should().implement(ResourceEvent.class).check(imported);
    }

    /** The risk rows route events by the family: every risk event names its project and its risk. */
    @Test
    void everyEventOfARiskSaysWhichRiskAndProject() {
        classes().that().resideInAPackage("dev.portfolioledger.api.risk").and().haveSimpleNameEndingWith("Event")
                .and().areNotInterfaces().should().implement(RiskEvent.class).check(imported);
    }

    /** Stakeholders, reviews and acceptance are the Project aggregate's: its history routes them by the family. */
    @Test
    void everyQualityEventIsAnEventOfItsProject() {
        classes().that().resideInAPackage("dev.portfolioledger.api.quality").and().haveSimpleNameEndingWith("Event")
                .and().areNotInterfaces().should().implement(ProjectEvent.class).check(imported);
    }

    /** Status report views route events by the family. */
    @Test
    void everyEventOfAStatusReportSaysWhichReportAndProject() {
        classes().that().resideInAPackage("dev.portfolioledger.api.status").and().haveSimpleNameEndingWith("Event")
                .and().areNotInterfaces().should().implement(StatusReportEvent.class).check(imported);
    }

    /**
     * A typed id (a record of one UUID) is stored as its bare UUID string: events and snapshots read
     * {@code "projectId":"…"}, and the audit trail shows them so. An id missing from
     * {@code TypedIdModule} would be stored as {@code {"value":"…"}} for ever.
     */
    @Test
    void everyTypedIdIsStoredAsItsBareUuid() throws Exception {
        ObjectMapper mapper = new AxonInfrastructureConfiguration().defaultAxonObjectMapper();
        List<Class<?>> ids = imported.stream().filter(c -> c.getPackageName().startsWith("dev.portfolioledger.api"))
                .filter(c -> c.getSimpleName().endsWith("Id")).map(JavaClass::reflect)
                .filter(c -> c.isRecord() && c.getRecordComponents().length == 1
                        && c.getRecordComponents()[0].getType() == UUID.class)
                .toList();
        assertThat(ids).hasSizeGreaterThan(10);
        UUID value = UUID.randomUUID();
        for (Class<?> id : ids) {
            Object instance = id.getDeclaredConstructor(UUID.class).newInstance(value);
            assertThat(mapper.writeValueAsString(instance)).as(id.getName()).isEqualTo("\"" + value + "\"");
            assertThat(mapper.readValue("\"" + value + "\"", id)).as(id.getName()).isEqualTo(instance);
        }
    }

    @Test
    void everyEventOfACostLedgerSaysWhichLedgerAndProject() {
        classes().that().resideInAPackage("dev.portfolioledger.api.finance").and().haveSimpleNameEndingWith("Event")
                .and().areNotInterfaces().should().implement(CostLedgerEvent.class).check(imported);
    }

    @Test
    void onlyCommandsNameTheirTargetAggregate() {
        fields().that().areAnnotatedWith(TargetAggregateIdentifier.class)
                .should().beDeclaredInClassesThat().haveSimpleNameEndingWith("Command")
                .check(imported);
    }

    @Test
    void aggregatesNeverReadTheClockOrMakeIds() {
        noClasses().that(AGGREGATE_OR_MEMBER)
                .should().callMethod(UUID.class, "randomUUID")
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
                .because("ids and business times come in with the command or the event (HOUSE_STYLE 8)")
                .check(imported);
    }

    @Test
    void xstreamIsNotOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName("com.thoughtworks.xstream.XStream"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}

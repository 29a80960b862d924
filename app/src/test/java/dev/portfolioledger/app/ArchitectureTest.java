package dev.portfolioledger.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The module boundaries of DESIGN.md, checked on the compiled classes of every module. */
class ArchitectureTest {

    private static JavaClasses imported;

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

    @Test
    void sidesDoNotReachIntoTheApp() {
        noClasses().that().resideInAnyPackage("dev.portfolioledger.command..", "dev.portfolioledger.query..")
                .should().dependOnClassesThat().resideInAPackage("dev.portfolioledger.app..")
                .check(imported);
    }

    /** Jackson is the only serializer: XStream (which cannot read records) is not even on the classpath. */
    @Test
    void xstreamIsNotOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName("com.thoughtworks.xstream.XStream"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}

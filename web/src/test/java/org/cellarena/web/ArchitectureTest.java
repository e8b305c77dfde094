package org.cellarena.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package arrows of the web module point down (org.cellarena.web's package-info): no cycles, no back-arrows. */
@AnalyzeClasses(packages = "org.cellarena.web", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String[] DOMAIN = {"org.cellarena.web.intake..", "org.cellarena.web.board..",
      "org.cellarena.web.scoring..", "org.cellarena.web.metrics..", "org.cellarena.web.auth..",
      "org.cellarena.web.files.."};
  private static final String STORE = "org.cellarena.web.store..";
  private static final String[] BASE = {"org.cellarena.web.competition..", "org.cellarena.web.csv..",
      "org.cellarena.web.refusal.."};

  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("org.cellarena.web.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
      .layer("Commands").definedBy("org.cellarena.web.cli..")
      .layer("Wiring").definedBy("org.cellarena.web")
      .layer("Api").definedBy("org.cellarena.web.api..")
      .layer("Pages").definedBy("org.cellarena.web.pages..")
      .layer("Http").definedBy("org.cellarena.web.http..")
      .layer("Domain").definedBy(DOMAIN)
      .layer("Store").definedBy(STORE)
      .layer("Base").definedBy(BASE)
      .whereLayer("Commands").mayNotBeAccessedByAnyLayer()
      .whereLayer("Wiring").mayOnlyBeAccessedByLayers("Commands")
      .whereLayer("Api").mayOnlyBeAccessedByLayers("Wiring")
      .whereLayer("Pages").mayOnlyBeAccessedByLayers("Wiring")
      .whereLayer("Http").mayOnlyBeAccessedByLayers("Wiring", "Api", "Pages")
      .whereLayer("Domain").mayOnlyBeAccessedByLayers("Commands", "Wiring", "Api", "Pages", "Http")
      .whereLayer("Store").mayOnlyBeAccessedByLayers("Commands", "Wiring", "Api", "Pages", "Http", "Domain");

  /** HTTP is the top layers' business: below them nothing knows a router, a request or a status code. */
  @ArchTest
  static final ArchRule noHttpBelowTheApi = noClasses().that().resideInAnyPackage(DOMAIN)
      .or().resideInAPackage(STORE).or().resideInAnyPackage(BASE)
      .should().dependOnClassesThat().resideInAnyPackage("io.vertx.ext.web..", "io.vertx.core.http..");
}

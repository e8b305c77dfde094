package org.cellarena.harness;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The arrows of package-info.java: cli on top, then demo, then the tasks (baseline, bench, competition, demodata,
 * inference), then split, then dataset at the bottom; no package cycles; picocli in cli alone.
 */
@AnalyzeClasses(packages = "org.cellarena.harness", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("org.cellarena.harness.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule arrowsPointDown = layeredArchitecture().consideringOnlyDependenciesInLayers()
      .layer("cli").definedBy("org.cellarena.harness.cli..")
      .layer("demo").definedBy("org.cellarena.harness.demo")
      .layer("tasks").definedBy("org.cellarena.harness.baseline..", "org.cellarena.harness.bench..",
          "org.cellarena.harness.competition..", "org.cellarena.harness.demodata..",
          "org.cellarena.harness.inference..")
      .layer("split").definedBy("org.cellarena.harness.split..")
      .layer("dataset").definedBy("org.cellarena.harness.dataset..")
      .whereLayer("cli").mayNotBeAccessedByAnyLayer()
      .whereLayer("demo").mayOnlyBeAccessedByLayers("cli")
      .whereLayer("tasks").mayOnlyBeAccessedByLayers("cli", "demo")
      .whereLayer("split").mayOnlyBeAccessedByLayers("cli", "demo", "tasks")
      .whereLayer("dataset").mayOnlyBeAccessedByLayers("cli", "demo", "tasks", "split");

  @ArchTest
  static final ArchRule picocliOnlyInCli = noClasses().that().resideOutsideOfPackage("org.cellarena.harness.cli..")
      .should().dependOnClassesThat().resideInAPackage("picocli..")
      .because("the commands parse the options; what they run takes plain values");
}

package org.cellarena.scoring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The arrows of package-info.java: metric uses io, io uses rle, never the other way; nothing beyond the JDK. */
@AnalyzeClasses(packages = "org.cellarena.scoring", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("org.cellarena.scoring.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule metricOverIoOverRle = layeredArchitecture().consideringOnlyDependenciesInLayers()
      .layer("metric").definedBy("org.cellarena.scoring.metric..")
      .layer("io").definedBy("org.cellarena.scoring.io..")
      .layer("rle").definedBy("org.cellarena.scoring.rle..")
      .whereLayer("metric").mayNotBeAccessedByAnyLayer()
      .whereLayer("io").mayOnlyBeAccessedByLayers("metric")
      .whereLayer("rle").mayOnlyBeAccessedByLayers("io", "metric");

  @ArchTest
  static final ArchRule onlyTheJdkAndCommonsCsv = noClasses().should().dependOnClassesThat()
      .resideOutsideOfPackages("org.cellarena.scoring..", "java..", "org.apache.commons.csv..")
      .because("the server, the model and the command line all score with this module: it stays small");
}

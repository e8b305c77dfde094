package org.cellarena.model;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package arrows of the model module point down (see package-info.java of org.cellarena.model). */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.cellarena.model");
  }

  @Test
  void noPackageCycles() {
    slices().matching("org.cellarena.model.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void layersOnlyReachDown() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("Commands").definedBy("org.cellarena.model", "..model.cli..", "..model.device..", "..model.submit..")
        .layer("Archive").definedBy("..model.archive..")
        .layer("Training").definedBy("..model.train..")
        .layer("Validation").definedBy("..model.validate..")
        .layer("Prediction").definedBy("..model.predict..")
        .layer("Config").definedBy("..model.config..")
        .layer("Model").definedBy("..model.rcnn..")
        .layer("Parts").definedBy("..model.backbone..", "..model.neck..", "..model.proposal..", "..model.roi..",
            "..model.pretrained..")
        .layer("Foundation").definedBy("..model.layers..", "..model.structures..", "..model.data..",
            "..model.runtime..", "..model.bench..")
        .whereLayer("Commands").mayNotBeAccessedByAnyLayer()
        .whereLayer("Archive").mayOnlyBeAccessedByLayers("Commands")
        .whereLayer("Training").mayOnlyBeAccessedByLayers("Commands")
        .whereLayer("Validation").mayOnlyBeAccessedByLayers("Training")
        .whereLayer("Prediction").mayOnlyBeAccessedByLayers("Validation", "Training", "Archive", "Commands")
        .whereLayer("Config").mayOnlyBeAccessedByLayers("Prediction", "Validation", "Training", "Archive",
            "Commands")
        .whereLayer("Model").mayOnlyBeAccessedByLayers("Config", "Prediction", "Validation", "Training", "Archive",
            "Commands")
        .whereLayer("Parts").mayOnlyBeAccessedByLayers("Model", "Config", "Prediction", "Validation", "Training",
            "Archive", "Commands")
        .whereLayer("Foundation").mayNotAccessAnyLayer()
        .check(classes);
  }
}

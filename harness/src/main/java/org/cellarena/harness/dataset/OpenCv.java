package org.cellarena.harness.dataset;

/** Loads OpenCV's native library (bundled in the org.openpnp jar) once per JVM. */
public final class OpenCv {
  private static boolean loaded;

  private OpenCv() {}

  public static synchronized void load() {
    if (!loaded) {
      nu.pattern.OpenCV.loadLocally();
      loaded = true;
    }
  }
}

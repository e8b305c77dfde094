package org.cellarena.model.pretrained;

/**
 * Where one of the model's parameters comes from in a state dict: the key, how its layout differs from ours, and
 * whether its first dimension counts classes (those rows cannot be carried over to another number of classes).
 */
public record Source(String key, Layout layout, boolean perClass) {

  public static Source same(String key) {
    return new Source(key, Layout.SAME, false);
  }

  public static Source perClass(String key) {
    return new Source(key, Layout.SAME, true);
  }
}

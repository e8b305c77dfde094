package org.cellarena.model.pretrained;

import java.util.Optional;

/** The key names of one kind of state dict, for the part of our model it covers. */
public interface SourceNaming {

  /** What it is, for messages: {@code timm resnest50d}. */
  String description();

  /** Which of our parameters it covers: {@code backbone.} for a backbone, {@code ""} for the whole model. */
  String covers();

  /** A key every such file has, to tell the user what was expected. */
  String exampleKey();

  /** Where our parameter at {@code path} (under {@link #covers()}) comes from, or empty where this naming has none. */
  Optional<Source> source(String path);

  /** PyTorch's name of a DJL parameter. */
  static String torchName(String djl) {
    return switch (djl) {
      case "gamma" -> "weight";
      case "beta" -> "bias";
      case "runningMean" -> "running_mean";
      case "runningVar" -> "running_var";
      default -> djl;
    };
  }
}

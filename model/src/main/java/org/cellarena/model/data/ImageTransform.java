package org.cellarena.model.data;

/**
 * How an original image became the network input: a resize to {@code width x height} (scale factors per axis)
 * then optional horizontal and vertical flips. Maps boxes both ways.
 */
public record ImageTransform(int originalWidth, int originalHeight, int width, int height, boolean flipH,
    boolean flipV) {

  public float scaleX() {
    return (float) width / originalWidth;
  }

  public float scaleY() {
    return (float) height / originalHeight;
  }

  /** Boxes from original to input coordinates. */
  public float[] forward(float[] boxes) {
    float[] out = new float[boxes.length];
    for (int i = 0; i < boxes.length; i += 4) {
      float x1 = boxes[i] * scaleX(), y1 = boxes[i + 1] * scaleY();
      float x2 = boxes[i + 2] * scaleX(), y2 = boxes[i + 3] * scaleY();
      out[i] = flipH ? width - x2 : x1;
      out[i + 2] = flipH ? width - x1 : x2;
      out[i + 1] = flipV ? height - y2 : y1;
      out[i + 3] = flipV ? height - y1 : y2;
    }
    return out;
  }

  /** Boxes from input to original coordinates. */
  public float[] backward(float[] boxes) {
    float[] out = new float[boxes.length];
    for (int i = 0; i < boxes.length; i += 4) {
      float x1 = flipH ? width - boxes[i + 2] : boxes[i];
      float x2 = flipH ? width - boxes[i] : boxes[i + 2];
      float y1 = flipV ? height - boxes[i + 3] : boxes[i + 1];
      float y2 = flipV ? height - boxes[i + 1] : boxes[i + 3];
      out[i] = x1 / scaleX();
      out[i + 1] = y1 / scaleY();
      out[i + 2] = x2 / scaleX();
      out[i + 3] = y2 / scaleY();
    }
    return out;
  }
}

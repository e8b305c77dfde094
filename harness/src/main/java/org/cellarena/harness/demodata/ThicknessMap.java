package org.cellarena.harness.demodata;

/** The optical thickness of everything on one image (cells add up where they overlap), row-major. */
final class ThicknessMap {
  final int width;
  final int height;
  final float[] values;

  ThicknessMap(int width, int height) {
    this.width = width;
    this.height = height;
    this.values = new float[width * height];
  }

  void add(CellBody body) {
    for (int j = 0; j < body.height; j++) {
      int y = body.y0 + j;
      if (y < 0 || y >= height) {
        continue;
      }
      for (int i = 0; i < body.width; i++) {
        int x = body.x0 + i;
        if (x >= 0 && x < width && body.inside[j * body.width + i]) {
          values[y * width + x] += body.thickness[j * body.width + i];
        }
      }
    }
  }

  /** A soft dot of radius {@code r} at a sub-pixel position: the brush neurites and debris are drawn with. */
  void dot(double cx, double cy, double r, double thickness) {
    int xMin = (int) Math.floor(cx - r - 1);
    int yMin = (int) Math.floor(cy - r - 1);
    for (int y = Math.max(0, yMin); y <= Math.min(height - 1, cy + r + 1); y++) {
      for (int x = Math.max(0, xMin); x <= Math.min(width - 1, cx + r + 1); x++) {
        double d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
        double cover = Math.min(1, Math.max(0, r + 0.5 - d));
        int p = y * width + x;
        values[p] = (float) Math.max(values[p], cover * thickness);
      }
    }
  }

  /** A ring (the thick rim of a rounded dead cell): it images as a dark rim round a bright centre. */
  void ring(double cx, double cy, double r, double thickness) {
    for (int y = Math.max(0, (int) (cy - r - 2)); y <= Math.min(height - 1, cy + r + 2); y++) {
      for (int x = Math.max(0, (int) (cx - r - 2)); x <= Math.min(width - 1, cx + r + 2); x++) {
        double d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
        double rim = Math.max(0, 1 - Math.abs(d - r + 0.6) / 1.1);
        values[y * width + x] += (float) (rim * thickness);
      }
    }
  }
}

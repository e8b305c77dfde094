package org.cellarena.harness.demodata;

import java.util.Random;

/**
 * One cell body rasterised in its bounding box (top-left {@code x0,y0}, size {@code width x height}, which may
 * reach past the image): which pixels it covers, and its optical thickness there (a dome with a step at the
 * edge, grainy, with a few dark granules).
 */
final class CellBody {
  final int x0;
  final int y0;
  final int width;
  final int height;
  final boolean[] inside;
  final float[] thickness;
  final int area;

  private CellBody(int x0, int y0, int width, int height, boolean[] inside, float[] thickness, int area) {
    this.x0 = x0;
    this.y0 = y0;
    this.width = width;
    this.height = height;
    this.inside = inside;
    this.thickness = thickness;
    this.area = area;
  }

  /** Rasterises {@code shape} centred at ({@code cx}, {@code cy}) with peak thickness {@code peak}. */
  static CellBody rasterize(CellShape shape, double cx, double cy, double peak, int granules, Random random) {
    int reach = (int) Math.ceil(shape.reach());
    int x0 = (int) Math.floor(cx) - reach;
    int y0 = (int) Math.floor(cy) - reach;
    int size = 2 * reach + 1;
    boolean[] inside = new boolean[size * size];
    float[] thickness = new float[size * size];
    double cos = Math.cos(shape.angle);
    double sin = Math.sin(shape.angle);
    int area = 0;
    for (int j = 0; j < size; j++) {
      double dy = y0 + j + 0.5 - cy;
      for (int i = 0; i < size; i++) {
        double dx = x0 + i + 0.5 - cx;
        double u = (dx * cos + dy * sin) / shape.major;
        double v = (-dx * sin + dy * cos) / shape.minor;
        double rho = shape.distance(u, v);
        double edge = shape.radius(Math.atan2(v, u));
        if (rho < edge) {
          double q = rho / edge;
          double dome = 0.5 + 0.5 * Math.sqrt(1 - q * q);
          double grain = 1 + 0.3 * (random.nextDouble() - 0.5);
          inside[j * size + i] = true;
          thickness[j * size + i] = (float) (peak * dome * grain);
          area++;
        }
      }
    }
    CellBody body = new CellBody(x0, y0, size, size, inside, thickness, area);
    body.addGranules(granules, peak, random);
    return body;
  }

  /** Small dense dots inside the body (they image as dark specks). */
  private void addGranules(int count, double peak, Random random) {
    for (int g = 0; g < count * 20 && count > 0; g++) {
      int i = random.nextInt(width);
      int j = random.nextInt(height);
      if (!inside[j * width + i]) {
        continue;
      }
      double radius = 1 + random.nextDouble() * 1.5;
      for (int y = (int) (j - radius); y <= j + radius; y++) {
        for (int x = (int) (i - radius); x <= i + radius; x++) {
          if (x >= 0 && y >= 0 && x < width && y < height && inside[y * width + x]
              && (x - i) * (x - i) + (y - j) * (y - j) <= radius * radius) {
            thickness[y * width + x] += (float) (0.6 * peak);
          }
        }
      }
      count--;
    }
  }
}

package org.cellarena.model.roi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TransposedConv2x2Test {

  /** ConvTranspose2d by its definition: each input pixel scatters kernel * value to out[s*i + a, s*j + b]. */
  private static float[] transposedConv(float[] x, int cin, int h, int w, float[] wt, float[] bias, int cout, int k,
      int s) {
    int oh = (h - 1) * s + k, ow = (w - 1) * s + k;
    float[] out = new float[cout * oh * ow];
    for (int co = 0; co < cout; co++) {
      for (int i = 0; i < oh * ow; i++) {
        out[co * oh * ow + i] = bias[co];
      }
    }
    for (int ci = 0; ci < cin; ci++) {
      for (int i = 0; i < h; i++) {
        for (int j = 0; j < w; j++) {
          float v = x[(ci * h + i) * w + j];
          for (int co = 0; co < cout; co++) {
            for (int a = 0; a < k; a++) {
              for (int b = 0; b < k; b++) {
                out[(co * oh + s * i + a) * ow + s * j + b] += v * wt[((ci * cout + co) * k + a) * k + b];
              }
            }
          }
        }
      }
    }
    return out;
  }

  @Test
  void equalsAKernel2Stride2TransposedConvolution() {
    int cin = 3, cout = 2, h = 4, w = 5;
    Random r = new Random(11);
    float[] x = new float[cin * h * w];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextFloat() * 2 - 1;
    }
    try (NDManager m = NDManager.newBaseManager()) {
      TransposedConv2x2 block = new TransposedConv2x2(cout);
      block.setInitializer(new NormalInitializer(1f), p -> true);
      ParameterStore ps = new ParameterStore(m, false);
      NDArray input = m.create(x, new Shape(1, cin, h, w));
      block.forward(ps, new NDList(input), true); // initialises the parameters
      float[] conv = null;
      float[] bias = null;
      for (var p : block.getParameters()) {
        Parameter param = p.getValue();
        if (param.getType() == Parameter.Type.WEIGHT) {
          conv = param.getArray().toFloatArray(); // (4*cout, cin, 1, 1)
        } else {
          bias = param.getArray().toFloatArray();
        }
      }
      // Wt[ci][co][a][b] = W[co*4 + a*2 + b][ci]
      float[] wt = new float[cin * cout * 4];
      for (int ci = 0; ci < cin; ci++) {
        for (int co = 0; co < cout; co++) {
          for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
              wt[((ci * cout + co) * 2 + a) * 2 + b] = conv[(co * 4 + a * 2 + b) * cin + ci];
            }
          }
        }
      }
      float[] expected = transposedConv(x, cin, h, w, wt, bias, cout, 2, 2);
      NDArray out = block.forward(ps, new NDList(input), false).head();
      assertArrayEquals(new long[] {1, cout, 2 * h, 2 * w}, out.getShape().getShape());
      assertArrayEquals(expected, out.toFloatArray(), 1e-5f);
    }
  }
}

package org.cellarena.model.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The split-attention conv against plain loops written from ../shared/design/mask-rcnn.md (Bottleneck step 2): a 3x3
 * conv to {@code radix * C} in {@code radix} groups, BN (inference: running statistics), ReLU; gap = global average
 * of the sum of the splits; fc1 (bias), BN, ReLU; fc2 (bias); softmax across the splits (sigmoid when radix is 1);
 * out = sum over the splits of attention times split. Every parameter is set to known random values first.
 */
class SplitAttentionConvTest {
  private static final float EPS = 1e-5f;
  private static final int C = 2;
  private static final int H = 3;
  private static final int W = 4;
  private static final int B = 2;

  @Test
  void radixTwoIsTheSoftmaxWeightedSumOfTheSplits() {
    check(2);
  }

  @Test
  void radixOneGatesTheConvOutputWithASigmoid() {
    check(1);
  }

  private static void check(int radix) {
    int cin = 4;
    Random r = new Random(5 + radix);
    float[] x = randoms(r, B * cin * H * W, 1f);
    try (NDManager m = NDManager.newBaseManager()) {
      SplitAttentionConv block = new SplitAttentionConv(C, 1, radix, 4, "BN");
      ParameterStore ps = new ParameterStore(m, false);
      NDArray input = m.create(x, new Shape(B, cin, H, W));
      block.forward(ps, new NDList(input), true); // creates the parameters
      Map<String, float[]> p = new HashMap<>();
      for (var e : block.getParameters()) {
        Parameter param = e.getValue();
        NDArray a = param.getArray();
        float[] v = param.getType() == Parameter.Type.RUNNING_VAR
            ? positives(r, (int) a.size()) : randoms(r, (int) a.size(), 0.5f);
        a.set(v);
        p.put(e.getKey().replaceAll("^\\d+|_\\d+", "_").replaceFirst("^_", ""), v);
      }
      float[] expected = expected(x, cin, radix, p);
      float[] actual = block.forward(ps, new NDList(input), false).head().toFloatArray();
      assertArrayEquals(expected, actual, 1e-5f);
    }
  }

  /** Reference forward pass, one image after the other. */
  private static float[] expected(float[] x, int cin, int radix, Map<String, float[]> p) {
    int rc = radix * C;
    int inter = Math.max(rc / 4, 32);
    int hw = H * W;
    float[] out = new float[B * C * hw];
    for (int b = 0; b < B; b++) {
      // grouped 3x3 conv, padding 1: output channel o reads the input channels of its group
      float[] conv = new float[rc * hw];
      int inPerGroup = cin / radix;
      int outPerGroup = rc / radix;
      float[] w = p.get("conv_conv_weight");
      for (int o = 0; o < rc; o++) {
        int g = o / outPerGroup;
        for (int y = 0; y < H; y++) {
          for (int xx = 0; xx < W; xx++) {
            double s = 0;
            for (int ci = 0; ci < inPerGroup; ci++) {
              for (int ky = 0; ky < 3; ky++) {
                for (int kx = 0; kx < 3; kx++) {
                  int iy = y + ky - 1, ix = xx + kx - 1;
                  if (iy >= 0 && iy < H && ix >= 0 && ix < W) {
                    s += w[((o * inPerGroup + ci) * 3 + ky) * 3 + kx]
                        * x[((b * cin + g * inPerGroup + ci) * H + iy) * W + ix];
                  }
                }
              }
            }
            conv[o * hw + y * W + xx] = (float) Math.max(0, batchNorm(s, o, p, "conv_norm"));
          }
        }
      }
      // attention from the global average of the summed splits
      double[] gap = new double[C];
      for (int c = 0; c < C; c++) {
        for (int s = 0; s < radix; s++) {
          for (int i = 0; i < hw; i++) {
            gap[c] += conv[(s * C + c) * hw + i];
          }
        }
        gap[c] /= hw;
      }
      double[] h = new double[inter];
      for (int j = 0; j < inter; j++) {
        double s = p.get("fc1_bias")[j];
        for (int c = 0; c < C; c++) {
          s += p.get("fc1_weight")[j * C + c] * gap[c];
        }
        h[j] = Math.max(0, batchNorm(s, j, p, "norm1"));
      }
      double[] att = new double[rc];
      for (int o = 0; o < rc; o++) {
        att[o] = p.get("fc2_bias")[o];
        for (int j = 0; j < inter; j++) {
          att[o] += p.get("fc2_weight")[o * inter + j] * h[j];
        }
      }
      for (int c = 0; c < C; c++) {
        double[] weight = new double[radix];
        if (radix == 1) {
          weight[0] = 1 / (1 + Math.exp(-att[c]));
        } else {
          double z = 0;
          for (int s = 0; s < radix; s++) {
            z += Math.exp(att[s * C + c]);
          }
          for (int s = 0; s < radix; s++) {
            weight[s] = Math.exp(att[s * C + c]) / z;
          }
        }
        for (int i = 0; i < hw; i++) {
          double v = 0;
          for (int s = 0; s < radix; s++) {
            v += weight[s] * conv[(s * C + c) * hw + i];
          }
          out[(b * C + c) * hw + i] = (float) v;
        }
      }
    }
    return out;
  }

  private static double batchNorm(double v, int ch, Map<String, float[]> p, String name) {
    return (v - p.get(name + "_runningMean")[ch]) / Math.sqrt(p.get(name + "_runningVar")[ch] + EPS)
        * p.get(name + "_gamma")[ch] + p.get(name + "_beta")[ch];
  }

  private static float[] randoms(Random r, int n, float scale) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (r.nextFloat() * 2 - 1) * scale;
    }
    return v;
  }

  private static float[] positives(Random r, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = 0.5f + r.nextFloat();
    }
    return v;
  }
}

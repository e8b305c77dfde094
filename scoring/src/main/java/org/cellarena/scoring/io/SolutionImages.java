package org.cellarena.scoring.io;

import java.io.IOException;

/** The solution a submission is checked against: its images' sizes by id, then the whole solution. */
interface SolutionImages {
  record Size(int width, int height) {}

  /** The size of the solution's image {@code id}, or null when the solution has no such image. */
  Size size(String id) throws IOException;

  /** The whole solution. */
  Solution solution() throws IOException;

  /** A solution read already. */
  static SolutionImages of(Solution solution) {
    return new SolutionImages() {
      @Override
      public Size size(String id) {
        SolutionImage image = solution.image(id);
        return image == null ? null : new Size(image.width(), image.height());
      }

      @Override
      public Solution solution() {
        return solution;
      }
    };
  }
}

package org.cellarena.scoring.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A solution being read on another thread, seen by a submission reader: an image's size is known as soon as the
 * solution reader meets its first row, so the submission reader waits only when it is ahead of it.
 */
final class SolutionInProgress implements SolutionImages {
  private final Map<String, Size> sizes = new HashMap<>();
  private boolean done;
  private Solution solution;

  /** The solution reader met a new image. */
  synchronized void image(String id, int width, int height) {
    sizes.put(id, new Size(width, height));
    notifyAll();
  }

  /** The solution reader has finished: with the solution, or null when it failed. */
  synchronized void done(Solution result) {
    solution = result;
    done = true;
    notifyAll();
  }

  @Override
  public synchronized Size size(String id) throws IOException {
    Size size;
    while ((size = sizes.get(id)) == null && !done) {
      await();
    }
    return size;
  }

  @Override
  public synchronized Solution solution() throws IOException {
    while (!done) {
      await();
    }
    if (solution == null) {
      throw new IOException("the solution could not be read");
    }
    return solution;
  }

  private void await() throws InterruptedIOException {
    try {
      wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the solution");
    }
  }
}

package org.cellarena.web.pages;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.cellarena.scoring.io.Submission;
import org.cellarena.scoring.rle.RunMask;
import org.cellarena.web.refusal.Refusal;

/**
 * A submission's predicted masks by image, for the overlays. The stored file is read once per submission (and
 * solution) and its masks written beside it as one index file; each overlay then reads its one image's runs from
 * that file, never the whole submission again. One submission is read at a time on this server: a request that
 * would start a second read meanwhile gets a 503 with a retry delay, so that parses never pile up in memory;
 * requests for the submission being read wait for that read.
 *
 * <p>The index file: the int {@link #MAGIC}, the image count n, n + 1 long offsets of the images' blocks (in the
 * solution's order), then each block: its mask count, and per mask its run count and its (0-based start, length)
 * pairs, all big-endian ints. It is written to a temporary name and moved into place, so a reader never sees half
 * of one, even from another server node sharing the data dir.
 */
final class OverlayMasks {
  static final int MAGIC = 0x43414f31; // "CAO1"
  /** Seconds a request is told to wait while another submission is being read. */
  static final int RETRY_SECONDS = 2;

  private final Semaphore reading = new Semaphore(1);
  private final ConcurrentHashMap<Path, CompletableFuture<Path>> building = new ConcurrentHashMap<>();

  /** The id list and sizes of the images, in the solution's order, that an index file is laid out by. */
  record Layout(List<String> ids, int[] widths, int[] heights) {}

  /**
   * The masks that the submission predicts on image {@code image} of {@code layout}, from the index file
   * {@code index}, which is first written from {@code parse} when it does not exist yet.
   */
  List<RunMask> masks(Path index, Layout layout, int image, Supplier<Submission> parse) {
    if (!Files.isRegularFile(index)) {
      build(index, layout, parse);
    }
    try (FileChannel file = FileChannel.open(index, StandardOpenOption.READ)) {
      ByteBuffer head = read(file, 0, 8);
      if (head.getInt() != MAGIC || head.getInt() != layout.ids().size()) {
        throw new IllegalStateException(index + " is not the overlay index of this solution");
      }
      ByteBuffer offsets = read(file, 8 + 8L * image, 16);
      long from = offsets.getLong(), to = offsets.getLong();
      return decode(read(file, from, Math.toIntExact(to - from)), layout.widths()[image], layout.heights()[image]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the index once, however many requests ask for it at the same time. */
  private void build(Path index, Layout layout, Supplier<Submission> parse) {
    CompletableFuture<Path> mine = new CompletableFuture<>();
    CompletableFuture<Path> under = building.putIfAbsent(index, mine);
    if (under == null) {
      try {
        if (!reading.tryAcquire()) {
          throw new Refusal(Refusal.Reason.BUSY, "the overlays of another submission are being prepared: try again in "
              + RETRY_SECONDS + " s", RETRY_SECONDS);
        }
        try {
          write(index, layout, parse.get());
        } finally {
          reading.release();
        }
        mine.complete(index);
      } catch (RuntimeException e) {
        mine.completeExceptionally(e);
      } finally {
        building.remove(index, mine);
      }
      under = mine;
    }
    try {
      under.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  static void write(Path index, Layout layout, Submission submission) {
    int n = layout.ids().size();
    long[] offsets = new long[n + 1];
    offsets[0] = 8 + 8L * (n + 1);
    for (int i = 0; i < n; i++) {
      long size = 4;
      for (RunMask m : submission.masks(layout.ids().get(i))) {
        size += 4 + 8L * m.runCount();
      }
      offsets[i + 1] = offsets[i] + size;
    }
    Path partial = index.resolveSibling("." + index.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial),
          1 << 16))) {
        out.writeInt(MAGIC);
        out.writeInt(n);
        for (long offset : offsets) {
          out.writeLong(offset);
        }
        for (String id : layout.ids()) {
          List<RunMask> masks = submission.masks(id);
          out.writeInt(masks.size());
          for (RunMask m : masks) {
            out.writeInt(m.runCount());
            for (int r = 0; r < m.runCount(); r++) {
              out.writeInt(m.runStart(r));
              out.writeInt(m.runLength(r));
            }
          }
        }
      }
      Files.move(partial, index, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the overlay index " + index, e);
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // a stray temporary file is harmless
      }
    }
  }

  private static List<RunMask> decode(ByteBuffer block, int width, int height) {
    int count = block.getInt();
    List<RunMask> masks = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      int runs = block.getInt();
      int[] starts = new int[runs], lengths = new int[runs];
      for (int r = 0; r < runs; r++) {
        starts[r] = block.getInt();
        lengths[r] = block.getInt();
      }
      masks.add(RunMask.ofRuns(starts, lengths, width, height));
    }
    return masks;
  }

  private static ByteBuffer read(FileChannel file, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (file.read(buffer, position + buffer.position()) < 0) {
        throw new IOException("the overlay index ends early");
      }
    }
    return buffer.flip();
  }
}

package org.cellarena.web.files;

import java.nio.file.Path;
import org.cellarena.web.refusal.Refusal;

/**
 * The free space the data dir must keep: an upload is refused (507) before it is read when less is left, so that
 * the disk never fills under the database and accepted work, and a write that fails for want of space is told
 * as such rather than as an internal error.
 */
public final class DiskSpace {
  private static final long MB = 1024 * 1024;
  private static final int RETRY_SECONDS = 60;

  private final Path dir;
  private final long marginBytes;

  /**
   * @param dir a folder on the data dir's file system
   * @param marginBytes the free space uploads must leave
   */
  public DiskSpace(Path dir, long marginBytes) {
    this.dir = dir;
    this.marginBytes = marginBytes;
  }

  /** Refuses (507) when less than the margin is free. */
  public void check() {
    check(0);
  }

  /** Refuses (507) when writing {@code bytes} would leave less than the margin free. */
  public void check(long bytes) {
    long free = usable();
    if (free - bytes < marginBytes) {
      throw full(free);
    }
  }

  /** A failed write as the caller should see it: 507 when the disk is (nearly) full, else {@code e} itself. */
  public Throwable explain(Throwable e) {
    long free = usable();
    return free < marginBytes ? full(free) : e;
  }

  private Refusal full(long free) {
    return new Refusal(Refusal.Reason.NO_SPACE, "the server's disk is nearly full (" + free / MB + " MB free, it keeps "
        + marginBytes / MB + " MB free): the upload was not stored; try again later, and tell the host", RETRY_SECONDS);
  }

  private long usable() {
    return dir.toFile().getUsableSpace(); // 0 when it cannot be asked: no place to write then either
  }
}

package org.cellarena.web.pages;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.cellarena.scoring.io.Submission;

/**
 * Parsed submission files for the overlays, least recently used first out, bounded by the total number of masks
 * they hold (an upload can be hundreds of MB, so a count of submissions is no bound). A submission is parsed once
 * however many requests ask for it at the same time: the later ones wait for the first one's parse. Stored files
 * never change, so an entry never goes stale; a failed parse is not kept.
 */
final class ParsedSubmissions {
  private final long maxMasks;
  /** In access order; an entry whose parse is under way weighs nothing yet. */
  private final LinkedHashMap<Long, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long masks;

  private static final class Entry {
    final CompletableFuture<Submission> parsed = new CompletableFuture<>();
    int masks;
  }

  /** @param maxMasks the most masks kept in all; a submission with more is parsed for its request only */
  ParsedSubmissions(long maxMasks) {
    this.maxMasks = maxMasks;
  }

  /** The submission {@code id}, parsed by {@code parse} unless cached or being parsed (blocking). */
  Submission get(long id, Supplier<Submission> parse) {
    Entry entry;
    boolean mine = false;
    synchronized (this) {
      entry = entries.get(id);
      if (entry == null) {
        entry = new Entry();
        entries.put(id, entry);
        mine = true;
      }
    }
    if (mine) {
      try {
        Submission submission = parse.get();
        entry.parsed.complete(submission);
        keep(id, entry, submission.maskCount());
      } catch (RuntimeException | Error e) {
        synchronized (this) {
          entries.remove(id, entry);
        }
        entry.parsed.completeExceptionally(e);
        throw e;
      }
    }
    try {
      return entry.parsed.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /** Weighs a parsed entry in and drops the least recently used parsed entries over the bound. */
  private synchronized void keep(long id, Entry entry, int count) {
    if (entries.get(id) != entry) {
      return;
    }
    entry.masks = count;
    masks += count;
    Iterator<Map.Entry<Long, Entry>> eldest = entries.entrySet().iterator();
    while (masks > maxMasks && eldest.hasNext()) {
      Entry e = eldest.next().getValue();
      if (e.parsed.isDone()) {
        masks -= e.masks;
        eldest.remove();
      }
    }
  }

  /** How many submissions are kept (parsed or being parsed). */
  synchronized int size() {
    return entries.size();
  }
}

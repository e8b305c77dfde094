package org.cellarena.model.data;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One epoch of batches, shuffled with a seed (training batches always full), read and augmented on background threads
 * a few batches ahead so the device never waits on the disk. Close it to stop the threads.
 */
public final class BatchLoader implements Iterator<Batch>, AutoCloseable {
  private final ExecutorService pool;
  private final Deque<Future<Batch>> ahead = new ArrayDeque<>();
  private final Iterator<List<String>> chunks;
  private final Dataset dataset;
  private final DataConfig config;
  private final Augmenter augmenter;
  private final boolean train;
  private final long seed;
  private int submitted;

  public BatchLoader(Dataset dataset, List<String> ids, DataConfig config, boolean train, long seed) {
    this.dataset = dataset;
    this.config = config;
    this.augmenter = new Augmenter(config);
    this.train = train;
    this.seed = seed;
    List<String> order = new ArrayList<>();
    if (train) {
      order.addAll(draws(dataset, ids, config));
      Collections.shuffle(order, new Random(seed));
      // as mmdet's GroupSampler: fill the last batch with images from the start, so every batch is full
      // (the split-attention BatchNorm cannot train on a batch of one)
      int n = order.size();
      for (int i = 0; n > 0 && order.size() % config.batchSize() != 0; i++) {
        order.add(order.get(i % n));
      }
    } else {
      order.addAll(ids);
    }
    List<List<String>> list = new ArrayList<>();
    for (int i = 0; i < order.size(); i += config.batchSize()) {
      list.add(order.subList(i, Math.min(order.size(), i + config.batchSize())));
    }
    chunks = list.iterator();
    int workers = Math.max(1, config.workers());
    pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "cellarena-loader");
      t.setDaemon(true);
      return t;
    });
    for (int i = 0; i < 2 * workers; i++) {
      submitNext();
    }
  }

  /** The training images of an epoch, unshuffled: each as many times as {@link DataConfig#draws} says. */
  public static List<String> draws(Dataset dataset, List<String> ids, DataConfig config) {
    List<String> order = new ArrayList<>();
    for (String id : ids) {
      order.addAll(Collections.nCopies(config.draws(dataset.image(id).cellType()), id));
    }
    return order;
  }

  /** Number of batches in an epoch of {@code n} images. */
  public static int batches(int n, int batchSize) {
    return (n + batchSize - 1) / batchSize;
  }

  private void submitNext() {
    if (!chunks.hasNext()) {
      return;
    }
    List<String> ids = chunks.next();
    long s = seed * 1_000_003L + submitted++;
    ahead.add(pool.submit(() -> {
      Random random = new Random(s);
      List<Sample> samples = new ArrayList<>();
      for (String id : ids) {
        samples.add(augmenter.apply(dataset.load(id, config), train, random));
      }
      return Batch.of(samples, 32);
    }));
  }

  @Override
  public boolean hasNext() {
    return !ahead.isEmpty();
  }

  @Override
  public Batch next() {
    if (ahead.isEmpty()) {
      throw new NoSuchElementException();
    }
    Future<Batch> f = ahead.poll();
    submitNext();
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      throw c instanceof RuntimeException ? (RuntimeException) c : new IllegalStateException(c);
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}

package dev.apispec.codegen.util;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs independent steps of one generation on a few threads, the caller's among them. A generation is short
 * and mostly cold code, so a thread only pays for itself with enough work: below {@code minPerThread} items per
 * thread the work stays on the caller's thread.
 *
 * <p>An interrupt of any of the threads stops the work before its next step, with an
 * {@link InterruptedIOException} (the interrupt is kept). The first failure stops the other threads from taking more items and is thrown (the rest added to it as
 * suppressed) only once every thread has stopped, so no step of the failed run is still touching its files
 * when the caller cleans up.
 */
public final class Parallel {
  /** More threads than this buys nothing on the file systems and machines measured. */
  static final int MAX_THREADS = 4;

  private Parallel() {}

  /** One step of the work; it may throw an {@link IOException}. */
  @FunctionalInterface
  public interface Step<T, R> {
    R apply(T item) throws IOException;
  }

  /** One step of work done for its effect; it may throw an {@link IOException}. */
  @FunctionalInterface
  public interface Action<T> {
    void accept(T item) throws IOException;
  }

  /** Does {@code action} for every item. */
  public static <T> void forEach(String name, List<T> items, int minPerThread, Action<? super T> action)
      throws IOException {
    map(name, items, minPerThread, item -> {
      action.accept(item);
      return null;
    });
  }

  /** {@code step} applied to every item, results in the items' order. */
  public static <T, R> List<R> map(String name, List<T> items, int minPerThread, Step<? super T, ? extends R> step)
      throws IOException {
    int threads = Math.min(MAX_THREADS,
        Math.min(Runtime.getRuntime().availableProcessors(), items.size() / Math.max(1, minPerThread)));
    Object[] results = new Object[items.size()];
    if (threads < 2) {
      for (int i = 0; i < results.length; i++) {
        if (Thread.currentThread().isInterrupted()) {
          throw interrupted(name);
        }
        results[i] = step.apply(items.get(i));
      }
    } else {
      new Run<T, R>(name, items, step, results).on(threads);
    }
    @SuppressWarnings("unchecked") // every slot holds what step returned for its item
    List<R> list = (List<R>) Arrays.asList(results);
    return list;
  }

  /** File writes cannot be interrupted, so an interrupt is noticed between steps. */
  private static InterruptedIOException interrupted(String name) {
    return new InterruptedIOException("interrupted while " + name + " was running");
  }

  private static final class Run<T, R> {
    private final String name;
    private final List<T> items;
    private final Step<? super T, ? extends R> step;
    private final Object[] results;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    Run(String name, List<T> items, Step<? super T, ? extends R> step, Object[] results) {
      this.name = name;
      this.items = items;
      this.step = step;
      this.results = results;
    }

    void on(int threads) throws IOException {
      List<Thread> workers = new ArrayList<>(threads - 1);
      for (int i = 1; i < threads; i++) {
        Thread worker = new Thread(this::work, name + "-" + i);
        worker.setDaemon(true);
        workers.add(worker);
        worker.start();
      }
      work();
      boolean interrupted = false;
      for (Thread worker : workers) {
        while (true) {
          try {
            worker.join();
            break;
          } catch (InterruptedException e) {
            // stop handing out items, but keep waiting: a worker may still be writing
            interrupted = true;
            fail(interrupted(name));
          }
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      Throwable thrown = failure.get();
      if (thrown instanceof IOException e) {
        throw e;
      } else if (thrown instanceof RuntimeException e) {
        throw e;
      } else if (thrown instanceof Error e) {
        throw e;
      } else if (thrown != null) {
        throw new IOException(thrown);
      }
    }

    private void work() {
      for (int i = next.getAndIncrement(); i < items.size() && failure.get() == null; i = next.getAndIncrement()) {
        if (Thread.currentThread().isInterrupted()) {
          fail(interrupted(name));
          return;
        }
        try {
          results[i] = step.apply(items.get(i));
        } catch (Throwable t) {
          fail(t);
          return;
        }
      }
    }

    private void fail(Throwable t) {
      if (!failure.compareAndSet(null, t)) {
        Throwable first = failure.get();
        if (first != t) {
          first.addSuppressed(t);
        }
      }
    }
  }
}

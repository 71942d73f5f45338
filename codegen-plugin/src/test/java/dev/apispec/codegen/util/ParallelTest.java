package dev.apispec.codegen.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {
  private static final List<Integer> ITEMS = IntStream.range(0, 1_000).boxed().toList();

  private static List<String> threadsNamed(String prefix) {
    return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).filter(n -> n.startsWith(prefix)).toList();
  }

  @Test
  void resultsComeInTheItemsOrderWhicheverThreadMadeThem() throws IOException {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    List<Integer> squares = Parallel.map("test-order", ITEMS, 10, i -> {
      threads.add(Thread.currentThread().getName());
      if (i == 0) {
        sleep(100); // so that whichever thread takes the first item, another takes some of the rest
      }
      return i * i;
    });
    assertEquals(ITEMS.stream().map(i -> i * i).toList(), squares);
    if (Runtime.getRuntime().availableProcessors() > 1) {
      assertTrue(threads.size() > 1, threads.toString());
    }
    assertEquals(List.of(), threadsNamed("test-order"));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void anInterruptBeforeTheWorkStartsStopsItEvenOnOneThread() {
    AtomicInteger steps = new AtomicInteger();
    Thread.currentThread().interrupt();
    try {
      assertThrows(InterruptedIOException.class,
          () -> Parallel.map("test-early", ITEMS.subList(0, 3), 8, i -> steps.incrementAndGet()));
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
    assertEquals(0, steps.get());
  }

  @Test
  void tooLittleWorkStaysOnTheCallersThread() throws IOException {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    Parallel.map("test-small", ITEMS.subList(0, 15), 8, i -> threads.add(Thread.currentThread().getName()));
    assertEquals(Set.of(Thread.currentThread().getName()), threads);
  }

  @Test
  void theFirstFailureStopsTheOthersAndIsThrownOnceAllHaveStopped() throws InterruptedException {
    AtomicInteger started = new AtomicInteger();
    AtomicInteger running = new AtomicInteger();
    IOException broken = new IOException("broken");
    IOException thrown = assertThrows(IOException.class, () -> Parallel.map("test-fail", ITEMS, 10, i -> {
      started.incrementAndGet();
      running.incrementAndGet();
      try {
        if (i == 100) {
          throw broken;
        }
        Thread.sleep(1);
        return i;
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      } finally {
        running.decrementAndGet();
      }
    }));
    assertSame(broken, thrown);
    assertEquals(0, running.get(), "no step was still running when the failure was thrown");
    assertTrue(started.get() < ITEMS.size(), "the remaining items were not started: " + started.get());
    assertEquals(List.of(), threadsNamed("test-fail"));
  }

  @Test
  void anInterruptedCallerWaitsForTheWorkersAndKeepsTheInterrupt() throws InterruptedException {
    assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "needs a second thread");
    Thread caller = Thread.currentThread();
    AtomicBoolean interrupted = new AtomicBoolean();
    CountDownLatch workerBusy = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    try {
      assertThrows(InterruptedIOException.class, () -> Parallel.map("test-interrupt", ITEMS.subList(0, 40), 10, i -> {
        running.incrementAndGet();
        try {
          if (Thread.currentThread() == caller) {
            // the caller's own share: once, wait until a worker is mid-step, then get interrupted
            if (interrupted.compareAndSet(false, true)) {
              workerBusy.await(10, TimeUnit.SECONDS);
              caller.interrupt();
            }
            return i;
          }
          workerBusy.countDown();
          long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
          while (System.nanoTime() < until) {
            Thread.onSpinWait();
          }
          return i;
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        } finally {
          running.decrementAndGet();
        }
      }));
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
    assertEquals(0, running.get());
    assertEquals(List.of(), threadsNamed("test-interrupt"));
  }
}

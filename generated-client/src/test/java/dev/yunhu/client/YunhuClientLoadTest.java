package dev.yunhu.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apispec.runtime.testing.RawHttpServer;
import dev.apispec.runtime.testing.Reliability;
import dev.yunhu.client.model.LiveRoomList;
import dev.yunhu.client.model.LiveRoomRequest;
import dev.yunhu.client.proto.GroupInfoRequest;
import dev.yunhu.client.proto.GroupInfoResponse;
import dev.yunhu.client.proto.Status;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One {@link YunhuClient} shared by 8 threads that call it as fast as they can: JSON and protobuf
 * endpoints, blocking and asynchronous, against a server that answers each request with the id it
 * received. Every answer must reach the caller that asked for it, no call may fail, and once the
 * client is dropped no thread or connection of it may be left.
 */
class YunhuClientLoadTest {
  @RegisterExtension
  static final Reliability FIGURES = Reliability.forClass(YunhuClientLoadTest.class);

  private static final int THREADS = 8;
  private static final int CALLS_PER_THREAD = 150;
  /**
   * The calls stop here even if not all were made, so the test stays bounded on a slow machine. Generous, since it
   * bounds the test rather than times it: 1,200 calls take about a second, but many more on a machine that builds
   * other things at once.
   */
  private static final Duration TIME_BOX = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Echoes the id of each request: the group id of live-room into its room's chatId, of info into data.id. */
  private static boolean echo(RawHttpServer.Request request, RawHttpServer.Connection connection) throws IOException {
    if (request.path().equals("/v1/group/info")) {
      String id = GroupInfoRequest.parseFrom(request.body()).getGroupId();
      connection.respond(200, "application/x-protobuf", GroupInfoResponse.newBuilder()
          .setStatus(Status.newBuilder().setCode(1).setMsg("success"))
          .setData(GroupInfoResponse.GroupData.newBuilder().setId(id).setName("group " + id))
          .build().toByteArray());
    } else {
      String id = JSON.readTree(request.body()).get("group_id").asText();
      connection.respond(200, "application/json", JSON.writeValueAsBytes(JSON.createObjectNode()
          .put("code", 1).put("msg", "success")
          .set("data", JSON.createObjectNode().set("rooms", JSON.createArrayNode()
              .add(JSON.createObjectNode().put("chatId", id).put("title", "room " + id))))));
    }
    return true;
  }

  @Test
  void oneClientSharedByEightThreads() throws Exception {
    Reliability.Row row = FIGURES.row("load", "one YunhuClient, 8 threads, JSON + protobuf, blocking + async",
        "concurrent calls made");
    Set<Thread> threadsBefore = Reliability.httpClientThreads();
    AtomicLong calls = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    AtomicLong wrongAnswers = new AtomicLong();
    List<String> problems = new CopyOnWriteArrayList<>();
    Set<String> answered = ConcurrentHashMap.newKeySet();
    AtomicInteger clientThreads = new AtomicInteger();
    ExecutorService httpExecutor = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "load-http-" + clientThreads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    ExecutorService callers = Executors.newFixedThreadPool(THREADS);
    long elapsedMillis;
    try (RawHttpServer server = RawHttpServer.start(YunhuClientLoadTest::echo)) {
      AtomicReference<YunhuClient> shared = new AtomicReference<>(YunhuClient.builder()
          .httpClient(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).executor(httpExecutor).build())
          .baseUri(server.uri())
          .token("tok_load_0e5a")
          .requestTimeout(Duration.ofSeconds(5))
          .build());
      CountDownLatch start = new CountDownLatch(1);
      long deadline = System.nanoTime() + TIME_BOX.toNanos();
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        workers.add(callers.submit(() -> {
          start.await();
          YunhuClient client = shared.get();
          for (int i = 0; i < CALLS_PER_THREAD && System.nanoTime() < deadline; i++) {
            String id = "t" + thread + "-c" + i;
            calls.incrementAndGet();
            try {
              String got = switch (i % 3) {
                case 0 -> client.group().liveRoom(new LiveRoomRequest(id)).rooms().get(0).chatId();
                case 1 -> client.group().info(GroupInfoRequest.newBuilder().setGroupId(id).build()).getData().getId();
                default -> {
                  LiveRoomList rooms = client.group().liveRoomAsync(new LiveRoomRequest(id)).get(10, TimeUnit.SECONDS);
                  yield rooms.rooms().get(0).chatId();
                }
              };
              if (!id.equals(got) || !answered.add(got)) {
                wrongAnswers.incrementAndGet();
                problems.add(id + " got the answer for " + got);
              }
            } catch (Exception e) {
              failures.incrementAndGet();
              problems.add(id + " failed: " + e);
            }
          }
          return null;
        }));
      }
      long started = System.nanoTime();
      start.countDown();
      for (Future<?> worker : workers) {
        worker.get(TIME_BOX.toSeconds() + 20, TimeUnit.SECONDS);
      }
      elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      int requestsSeen = server.requests().size();
      int connections = server.accepted();

      // drop the client: its selector thread ends and its pooled connections close
      shared.set(null);
      callers.shutdown();
      httpExecutor.shutdown();
      assertTrue(callers.awaitTermination(5, TimeUnit.SECONDS));
      assertTrue(httpExecutor.awaitTermination(5, TimeUnit.SECONDS), "the HttpClient's executor did not stop");
      List<String> threadsLeft = Reliability.awaitHttpClientThreadsEnded(threadsBefore, 15_000);
      boolean connectionsClosed = server.awaitOpen(0, Duration.ofSeconds(5));

      row.tried(calls.get()).failed(failures.get()).lost(wrongAnswers.get() + (calls.get() - answered.size()
          - failures.get() - wrongAnswers.get()));
      row.note(calls.get() + " calls in " + elapsedMillis + " ms over " + connections + " connections ("
          + (calls.get() * 1000 / Math.max(1, elapsedMillis)) + " calls/s); after the client was dropped: "
          + threadsLeft.size() + " HttpClient threads, " + server.open() + " connections left");

      assertEquals(List.of(), problems);
      assertEquals((long) THREADS * CALLS_PER_THREAD, calls.get(), "not all calls were made within " + TIME_BOX);
      assertEquals(calls.get(), answered.size());
      assertEquals(calls.get(), requestsSeen, "the server saw another number of requests than were made");
      assertTrue(connections <= THREADS * 2, connections + " connections for " + THREADS + " threads");
      assertEquals(List.of(), threadsLeft, "HttpClient threads still running");
      assertTrue(connectionsClosed, server.open() + " connections still open after the client was dropped");
    } finally {
      callers.shutdownNow();
      httpExecutor.shutdownNow();
    }
  }
}

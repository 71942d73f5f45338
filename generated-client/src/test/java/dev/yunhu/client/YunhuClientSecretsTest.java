package dev.yunhu.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apispec.runtime.ApiException;
import dev.apispec.runtime.ApiHttpException;
import dev.apispec.runtime.RetryPolicy;
import dev.apispec.runtime.testing.Oracles;
import dev.apispec.runtime.testing.RawHttpServer;
import dev.apispec.runtime.testing.Reliability;
import dev.yunhu.client.model.ChatType;
import dev.yunhu.client.model.FriendApplyRequest;
import dev.yunhu.client.model.FriendDeleteRequest;
import dev.yunhu.client.model.GroupInviteRequest;
import dev.yunhu.client.model.GroupTagDeleteRequest;
import dev.yunhu.client.model.GroupTagListRequest;
import dev.yunhu.client.model.RecommendListRequest;
import dev.yunhu.client.proto.GroupInfoRequest;
import dev.yunhu.client.proto.GroupInfoResponse;
import dev.yunhu.client.proto.Status;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The token goes to the API's host in its header and nowhere else: not to another host through a
 * redirect, not into {@code toString()}, exception messages or stack traces, and not into logs.
 */
class YunhuClientSecretsTest {
  @RegisterExtension
  static final Reliability FIGURES = Reliability.forClass(YunhuClientSecretsTest.class);

  private static final String AREA = "secrets";
  static final String TOKEN = "tok_yunhu_secret_4c2d9e71";
  private static final GroupTagListRequest LIST = new GroupTagListRequest("1", 20, 1, "");
  private static final FriendApplyRequest APPLY = new FriendApplyRequest("1", ChatType.USER, "hi");
  private static final RetryPolicy RETRY = RetryPolicy.builder()
      .maxAttempts(3).initialBackoff(Duration.ZERO).maxBackoff(Duration.ZERO).build();

  private static YunhuClient client(URI baseUri) {
    return YunhuClient.builder().baseUri(baseUri).token(TOKEN).requestTimeout(Duration.ofSeconds(5))
        .retryPolicy(RETRY).build();
  }

  private static String trace(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }

  // ---- redirects ----

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aRedirectDoesNotCarryTheTokenToAnotherHost(int status) throws Exception {
    Reliability.Row row = FIGURES.row(AREA, "redirect to another host (301, 302, 303, 307, 308)", "redirects answered");
    row.tried(3);
    try (RawHttpServer elsewhere = RawHttpServer.start((request, connection) -> {
          connection.respond(200, "application/json", "{\"code\":1,\"msg\":\"success\",\"data\":{\"list\":[]}}");
          return true;
        });
        RawHttpServer api = RawHttpServer.start((request, connection) -> {
          connection.respond(status, "text/plain", "moved", "Location: " + elsewhere.uri() + "/collect");
          return true;
        })) {
      YunhuClient client = client(api.uri());

      ApiHttpException list = assertThrows(ApiHttpException.class, () -> client.groupTag().list(LIST));
      ApiHttpException apply = assertThrows(ApiHttpException.class, () -> client.friend().apply(APPLY));
      CompletionException async = assertThrows(CompletionException.class, () -> client.groupTag().listAsync(LIST).join());

      assertEquals("POST /v1/group-tag/list failed with HTTP " + status + ": moved", list.getMessage());
      assertEquals(status, apply.httpStatus());
      assertNull(Oracles.problemWith(async.getCause(), "POST /v1/group-tag/list", TOKEN));
      row.lost(elsewhere.requests().size());
      assertEquals(List.of(), elsewhere.requests(), "the redirect was followed");
      assertEquals(3, api.requests().size(), "a redirect is not retried");
      for (RawHttpServer.Request request : api.requests()) {
        assertEquals(TOKEN, request.header("token"));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"NORMAL", "ALWAYS"})
  void anHttpClientThatFollowsRedirectsIsRefused(String redirect) {
    FIGURES.row(AREA, "caller's HttpClient that follows redirects", "clients refused").tried(1);
    HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.valueOf(redirect)).build();
    YunhuClient.Builder builder = YunhuClient.builder().token(TOKEN).httpClient(following);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);

    assertEquals("the HttpClient must not follow redirects (it would send the token header to the redirect's host); "
        + "build it with HttpClient.Redirect.NEVER", e.getMessage());
    assertFalse(trace(e).contains(TOKEN));
  }

  // ---- toString and exceptions ----

  @Test
  void toStringNeverShowsTheToken() {
    FIGURES.row(AREA, "toString of client and builder", "objects printed").tried(2);
    YunhuClient.Builder builder = YunhuClient.builder().token(TOKEN).retryPolicy(RETRY).maxResponseBytes(1024)
        .requestTimeout(Duration.ofSeconds(1)).baseUri(URI.create("http://127.0.0.1:8080"));

    assertEquals("Builder{baseUri=http://127.0.0.1:8080, token=***}", builder.toString());
    assertEquals("YunhuClient{baseUri=http://127.0.0.1:8080}", builder.build().toString());
  }

  /** Every way a call can fail, each with the token echoed back by the server where it can be. */
  private static final List<Consumer<YunhuClient>> FAILING_CALLS = List.of(
      c -> c.groupTag().list(LIST),
      c -> c.friend().apply(APPLY),
      c -> c.group().info(GroupInfoRequest.newBuilder().setGroupId("1").build()));

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"401 echo", "html echo", "envelope echo", "status echo", "decode echo", "broken json echo"})
  void exceptionsNeverShowTheToken(String kind) throws Exception {
    Reliability.Row row = FIGURES.row(AREA, "exceptions of failed calls whose response echoes the token",
        "exceptions checked");
    GroupInfoResponse statusEcho = GroupInfoResponse.newBuilder()
        .setStatus(Status.newBuilder().setCode(-1).setMsg("token " + TOKEN + " 无效")).build();
    try (RawHttpServer api = RawHttpServer.start((request, connection) -> {
      boolean protobuf = request.path().equals("/v1/group/info");
      switch (kind) {
        case "401 echo" -> connection.respond(401, "text/plain", "invalid token: " + TOKEN);
        case "html echo" -> connection.respond(200, "text/html", "<html><body>token=" + TOKEN + "</body></html>");
        case "envelope echo", "status echo" -> {
          if (protobuf) {
            connection.respond(200, "application/x-protobuf", statusEcho.toByteArray());
          } else {
            connection.respond(200, "application/json", "{\"code\":-1,\"msg\":\"token " + TOKEN + " 无效\"}");
          }
        }
        case "decode echo" -> connection.respond(200, "application/json",
            "{\"code\":1,\"msg\":\"success\",\"data\":{\"list\":[{\"id\":\"" + TOKEN + "\"}]}}");
        default -> connection.respond(200, "application/json",
            "{\"code\":1,\"msg\":\"success\",\"data\":{\"list\":[{\"id\":" + TOKEN + "}]}}");
      }
      return true;
    })) {
      YunhuClient client = client(api.uri());
      String[] endpoints = {"POST /v1/group-tag/list", "POST /v1/friend/apply", "POST /v1/group/info"};
      for (int i = 0; i < FAILING_CALLS.size(); i++) {
        Consumer<YunhuClient> call = FAILING_CALLS.get(i);
        Oracles.Outcome<Void> outcome = Oracles.outcome(() -> {
          call.accept(client);
          return null;
        });
        if (!outcome.failed()) {
          continue; // e.g. apply ignores data that does not decode
        }
        row.tried(1);
        String problem = Oracles.problemWith(outcome.failure(), endpoints[i], TOKEN);
        if (problem != null) {
          row.lost(1);
        }
        assertNull(problem);
      }
    }
  }

  // ---- logs ----

  /** Collects every java.util.logging record (System.Logger writes there too) while a test runs. */
  private static final class Capture extends Handler implements AutoCloseable {
    private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
    private final Logger root = Logger.getLogger("");
    private final Level level = root.getLevel();

    Capture() {
      root.addHandler(this);
      root.setLevel(Level.ALL);
    }

    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {
      // nothing buffered
    }

    @Override
    public void close() {
      root.setLevel(level);
      root.removeHandler(this);
    }

    List<String> lines() {
      SimpleFormatter formatter = new SimpleFormatter();
      synchronized (records) {
        List<String> lines = new ArrayList<>();
        for (LogRecord record : records) {
          lines.add(record.getLoggerName() + " " + record.getLevel() + " " + formatter.formatMessage(record)
              + (record.getThrown() == null ? "" : " " + trace(record.getThrown())));
        }
        return lines;
      }
    }
  }

  @Test
  void ourCodeLogsNothingAndNoLogShowsTheToken() throws Exception {
    Reliability.Row row = FIGURES.row(AREA, "in-process log capture (java.util.logging, all levels)", "calls logged");
    List<String> lines;
    try (RawHttpServer api = RawHttpServer.start((request, connection) -> {
      connection.respond(401, "text/plain", "invalid token: " + TOKEN);
      return true;
    });
        Capture capture = new Capture()) {
      YunhuClient client = client(api.uri());
      for (Consumer<YunhuClient> call : FAILING_CALLS) {
        assertThrows(ApiException.class, () -> call.accept(client));
      }
      row.tried(api.requests().size());
      lines = capture.lines();
    }

    List<String> leaks = lines.stream().filter(line -> line.contains(TOKEN)).toList();
    List<String> ours = lines.stream().filter(line -> line.startsWith("dev.")).toList();
    row.lost(leaks.size());
    row.note(lines.size() + " records captured, none from dev.apispec or dev.yunhu");
    assertEquals(List.of(), leaks);
    assertEquals(List.of(), ours);
  }

  /**
   * With the JDK client's own logging on ({@code -Djdk.httpclient.HttpClient.log=all}, plus its internal
   * debug output), in a JVM of its own since the JDK reads that switch once: the only place the token
   * appears is the JDK's dump of the request headers it sent, one per request. That dump is the JDK's,
   * opt-in and meant for debugging: docs/reliability.md warns against turning it on in production.
   */
  @Test
  void withTheJdkHttpLogOnOnlyItsRequestHeaderDumpShowsTheToken() throws Exception {
    Reliability.Row row = FIGURES.row(AREA, "child JVM with -Djdk.httpclient.HttpClient.log=all",
        "log lines checked");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process process = new ProcessBuilder(java, "-Djdk.httpclient.HttpClient.log=all",
        "-Djdk.internal.httpclient.debug=true", "-cp", classPath, LogProbe.class.getName(), TOKEN)
        .redirectErrorStream(true)
        .start();
    String output;
    try (var in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the probe did not end");
    assertEquals(0, process.exitValue(), output);

    List<String> lines = output.lines().toList();
    List<String> tokenLines = lines.stream().filter(line -> line.contains(TOKEN)).toList();
    List<String> headerDumps = tokenLines.stream()
        .filter(line -> line.startsWith("RECORD\tjdk.httpclient.HttpClient\tINFO\tHEADERS: REQUEST HEADERS:"))
        .toList();
    int requests = Integer.parseInt(value(lines, "REQUESTS"));
    long jdkRecords = lines.stream().filter(line -> line.startsWith("RECORD\tjdk.httpclient.HttpClient\t")).count();
    row.tried(lines.size());
    row.lost(tokenLines.size() - headerDumps.size());
    row.note(jdkRecords + " records of jdk.httpclient.HttpClient; the token appears only in its " + headerDumps.size()
        + " dumps of request headers (one per request sent), nowhere else");

    assertTrue(jdkRecords > 10, "the JDK's HttpClient log was not on:\n" + output);
    assertEquals(headerDumps, tokenLines, "the token appears outside the JDK's request header dumps");
    assertEquals(requests, headerDumps.size());
    assertEquals("0", value(lines, "ELSEWHERE"));
    assertEquals(List.of(), lines.stream().filter(line -> line.startsWith("RECORD\tdev.")).toList());
  }

  private static String value(List<String> lines, String key) {
    return lines.stream().filter(line -> line.startsWith(key + "\t")).map(line -> line.substring(key.length() + 1))
        .findFirst().orElseThrow(() -> new AssertionError("no " + key + " in the probe's output"));
  }

  /** Runs every kind of call once, prints what failed, then every log record, one per line. */
  static final class LogProbe {
    private LogProbe() {}

    public static void main(String[] args) throws Exception {
      String token = args[0];
      Logger root = Logger.getLogger("");
      for (Handler handler : root.getHandlers()) {
        root.removeHandler(handler);
      }
      List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
      root.addHandler(new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {
          // nothing buffered
        }

        @Override
        public void close() {
          // nothing held
        }
      });
      root.setLevel(Level.ALL);
      GroupInfoResponse ok = GroupInfoResponse.newBuilder()
          .setStatus(Status.newBuilder().setCode(1).setMsg("success")).build();
      int requests;
      int elsewhereRequests;
      try (RawHttpServer elsewhere = RawHttpServer.start((request, connection) -> {
            connection.respond(200, "application/json", "{\"code\":1,\"msg\":\"success\",\"data\":{\"list\":[]}}");
            return true;
          });
          RawHttpServer api = RawHttpServer.start((request, connection) -> {
            switch (request.path()) {
              case "/v1/group-tag/list" -> connection.respond(200, "application/json",
                  "{\"code\":1,\"msg\":\"success\",\"data\":{\"list\":[]}}");
              case "/v1/group/info" -> connection.respond(200, "application/x-protobuf", ok.toByteArray());
              case "/v1/friend/apply" -> connection.respond(200, "application/json",
                  "{\"code\":-1,\"msg\":\"token " + token + " 无效\"}");
              case "/v1/friend/delete-friend" -> connection.respond(401, "text/plain", "invalid token " + token);
              case "/v1/group-tag/delete" -> connection.respond(307, "text/plain", "moved",
                  "Location: " + elsewhere.uri() + "/collect");
              case "/v1/group/invite" -> {
                connection.waitForClientToLeave();
                return false;
              }
              default -> connection.respond(200, "application/json",
                  "{\"code\":1,\"msg\":\"success\",\"data\":{\"list\":[{\"id\":\"" + token + "\"}]}}");
            }
            return true;
          })) {
        YunhuClient client = YunhuClient.builder().baseUri(api.uri()).token(token)
            .requestTimeout(Duration.ofMillis(500)).build();
        YunhuClient refused = YunhuClient.builder().baseUri(RawHttpServer.refusingUri()).token(token).build();
        List<Runnable> calls = List.of(
            () -> client.groupTag().list(LIST),
            () -> client.group().info(GroupInfoRequest.newBuilder().setGroupId("1").build()),
            () -> client.friend().apply(APPLY),
            () -> client.friend().deleteFriend(new FriendDeleteRequest("1", ChatType.USER)),
            () -> client.groupTag().delete(new GroupTagDeleteRequest(1L)),
            () -> client.group().invite(new GroupInviteRequest("1", ChatType.USER, "2")),
            () -> client.group().recommendList(new RecommendListRequest(1, "x")),
            () -> refused.groupTag().list(LIST));
        for (Runnable call : calls) {
          try {
            call.run();
            System.out.println("OK");
          } catch (RuntimeException e) {
            System.out.println("FAILED\t" + e);
            e.printStackTrace(System.out);
          }
        }
        requests = api.requests().size();
        elsewhereRequests = elsewhere.requests().size();
      }
      root.setLevel(Level.OFF);
      SimpleFormatter formatter = new SimpleFormatter();
      List<LogRecord> seen;
      synchronized (records) {
        seen = new ArrayList<>(records);
      }
      for (LogRecord record : seen) {
        System.out.println("RECORD\t" + record.getLoggerName() + "\t" + record.getLevel() + "\t"
            + formatter.formatMessage(record).replaceAll("\\s+", " ").strip());
      }
      System.out.println("REQUESTS\t" + requests);
      System.out.println("ELSEWHERE\t" + elsewhereRequests);
    }
  }
}

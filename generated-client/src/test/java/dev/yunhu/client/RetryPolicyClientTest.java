package dev.yunhu.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import dev.apispec.runtime.ApiHttpException;
import dev.apispec.runtime.RetryPolicy;
import dev.yunhu.client.model.ChatType;
import dev.yunhu.client.model.FriendApplyRequest;
import dev.yunhu.client.model.GroupTagList;
import dev.yunhu.client.model.GroupTagListRequest;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The retry policy set on the builder applies only to the endpoints the spec marks retryable. */
class RetryPolicyClientTest {
  private HttpServer server;
  private final AtomicInteger calls = new AtomicInteger();
  private YunhuClient client;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      boolean busy = calls.getAndIncrement() == 0;
      byte[] body = (busy ? "busy" : "{\"code\":1,\"msg\":\"success\",\"data\":{\"list\":[]}}")
          .getBytes(StandardCharsets.UTF_8);
      if (busy) {
        exchange.getResponseHeaders().set("Retry-After", "0");
      }
      exchange.sendResponseHeaders(busy ? 503 : 200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    client = YunhuClient.builder()
        .baseUri(java.net.URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .token("t")
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(1)).build())
        .build();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aReadIsRetried() {
    GroupTagList list = client.groupTag().list(new GroupTagListRequest("1", 20, 1, ""));

    assertEquals(0, list.list().size());
    assertEquals(2, calls.get());
  }

  @Test
  void aChangeIsNeverRetried() {
    ApiHttpException e = assertThrows(ApiHttpException.class,
        () -> client.friend().apply(new FriendApplyRequest("1", ChatType.USER, "hi")));

    assertEquals(503, e.httpStatus());
    assertEquals(1, calls.get());
  }

  @Test
  void theResponseLimitIsValidated() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> YunhuClient.builder().maxResponseBytes(0));
    assertEquals("maxResponseBytes must be positive: 0", e.getMessage());
  }
}

package dev.apispec.codegen;

import static dev.apispec.codegen.Reflect.setField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mock and record goals, each run as Maven runs it, and stopped as Ctrl+C stops it. */
class ServeGoalsTest {
  private static final Pattern ADDRESS = Pattern.compile("on (http://127\\.0\\.0\\.1:\\d+)");
  private static final String SPEC = """
      api:
        name: Shop
        package: dev.example.shop
        baseUrl: https://shop.example.com
        auth: {header: X-Api-Key}
        json: {envelope: {code: code, message: msg, data: data, success: 1}}
      types:
        LoginRequest:
          fields:
            email: {type: string}
            password: {type: string, secret: true}
      groups:
        user:
          prefix: /v1/user/
          endpoints:
            - path: /v1/user/login
              auth: none
              request: {json: LoginRequest}
      """;
  private static final String RECORDING = """
      {
        "description": "A sign-in.",
        "request": {
          "method": "POST",
          "path": "/v1/user/login",
          "headers": {"content-type": "application/json"},
          "body": {"json": {"email": "a@example.com", "password": "<redacted>"}}
        },
        "response": {
          "status": 200,
          "contentType": "application/json",
          "body": {"json": {"code": 1, "msg": "success"}}
        }
      }
      """;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Runs the goal on a thread of its own, until {@link Running#close()} interrupts it as Ctrl+C would. */
  private static final class Running implements AutoCloseable {
    final Thread thread;
    final RecordingLog log = new RecordingLog();

    Running(AbstractMojo mojo) {
      mojo.setLog(log);
      thread = new Thread(() -> {
        try {
          mojo.execute();
        } catch (Exception e) {
          log.error(e.toString());
        }
      }, "goal");
      thread.start();
    }

    URI address() throws InterruptedException {
      for (int i = 0; i < 500; i++) {
        for (String line : log.lines()) {
          Matcher matcher = ADDRESS.matcher(line);
          if (matcher.find()) {
            return URI.create(matcher.group(1));
          }
        }
        Thread.sleep(10);
      }
      throw new AssertionError("the goal said no address: " + log.lines());
    }

    @Override
    public void close() throws InterruptedException {
      thread.interrupt();
      thread.join(10_000);
      assertFalse(thread.isAlive(), "the goal did not stop");
    }
  }

  private static File write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text).toFile();
  }

  @Test
  void mockServesTheProjectsRecordingsAndListsThemOnA404(@TempDir Path project) throws Exception {
    File spec = write(project, "src/main/spec/api.yaml", SPEC);
    write(project, "src/test/recordings/user/login/success.json", RECORDING);
    MockMojo mojo = new MockMojo();
    setField(mojo, "spec", spec);
    setField(mojo, "recordings", project.resolve("src/test/recordings").toFile());
    setField(mojo, "port", 0);
    try (Running running = new Running(mojo)) {
      URI mock = running.address();
      HttpResponse<String> ok = http.send(HttpRequest.newBuilder(mock.resolve("/v1/user/login"))
          .header("Content-Type", "application/json")
          // JSON compared as JSON: the order of the properties does not matter
          .POST(HttpRequest.BodyPublishers.ofString("{\"password\":\"<redacted>\",\"email\":\"a@example.com\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, ok.statusCode());
      assertEquals("{\"code\":1,\"msg\":\"success\"}", ok.body().replace(" ", "").replace("\n", ""));

      HttpResponse<String> other = http.send(HttpRequest.newBuilder(mock.resolve("/v1/user/login"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"b@example.com\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(404, other.statusCode());
      assertTrue(other.body().contains("user/login/success"), other.body());
      assertTrue(running.log.lines().stream().anyMatch(l -> l.contains("1 recordings of 1 endpoints")),
          running.log.lines().toString());
    }
  }

  @Test
  void recordWritesNoCredentialOfAnyKind(@TempDir Path project) throws Exception {
    File spec = write(project, "src/main/spec/api.yaml", SPEC);
    HttpServer real = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    real.createContext("/", exchange -> {
      try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
        in.readAllBytes();
        byte[] answer = "{\"code\":1,\"msg\":\"success\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        out.write(answer);
      }
    });
    real.start();
    RecordMojo mojo = new RecordMojo();
    setField(mojo, "spec", spec);
    setField(mojo, "recordings", project.resolve("src/test/recordings").toFile());
    setField(mojo, "port", 0);
    setField(mojo, "target", "http://127.0.0.1:" + real.getAddress().getPort());
    setField(mojo, "name", "live");
    setField(mojo, "redactFields", List.of("email"));
    try (Running running = new Running(mojo)) {
      URI proxy = running.address();
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(proxy.resolve("/v1/user/login"))
          .header("Content-Type", "application/json")
          .header("X-Api-Key", "key-5f6e7d8c")
          .header("Authorization", "Bearer bearer-1a2b3c4d")
          .header("Cookie", "sid=cookie-9z8y7x")
          .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"me@example.com\",\"password\":\"hunter2-x\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, answer.statusCode());
    } finally {
      real.stop(0);
    }
    Path written = project.resolve("src/test/recordings/user/login/live.json");
    assertTrue(Files.isRegularFile(written), "no recording: " + list(project));
    String text = Files.readString(written);
    for (String secret : List.of("key-5f6e7d8c", "bearer-1a2b3c4d", "cookie-9z8y7x", "hunter2-x", "me@example.com")) {
      assertFalse(text.contains(secret), secret + " is in the recording:\n" + text);
    }
    assertTrue(text.contains("\"authorization\": \"<redacted>\""), text);
    assertTrue(text.contains("\"password\": \"<redacted>\""), text);
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }
}

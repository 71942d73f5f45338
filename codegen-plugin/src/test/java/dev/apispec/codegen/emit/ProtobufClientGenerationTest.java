package dev.apispec.codegen.emit;

import static dev.apispec.codegen.Reflect.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import dev.apispec.codegen.Codegen;
import dev.apispec.codegen.CompiledSources;
import dev.apispec.codegen.LoopbackServer;
import dev.apispec.codegen.TestProtos;
import dev.apispec.runtime.ApiErrorException;
import dev.apispec.testapi.v1.EchoRequest;
import dev.apispec.testapi.v1.EchoResponse;
import dev.apispec.testapi.v1.Status;
import dev.apispec.testapi.v1.legacy.Legacy.PingRequest;
import dev.apispec.testapi.v1.legacy.Legacy.PingResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec with protobuf endpoints, checked against the descriptor set protoc wrote for src/test/proto,
 * generates a client that compiles against protoc's classes and calls the server with them.
 */
class ProtobufClientGenerationTest {
  private static final String SPEC = """
      api:
        name: Echo
        package: dev.example.echo
        baseUrl: https://echo.example.com
        auth: {header: token}
        json:
          envelope: {code: code, message: msg, data: data, success: 1}
        protobuf:
          status: {field: status, code: code, message: msg, success: 1}
      types:
        Health:
          fields:
            up: {type: bool, required: true}
      groups:
        echo:
          prefix: /v1/echo/
          endpoints:
            - path: /v1/echo/say
              doc: Says a text back, in a message of a file with java_multiple_files.
              request: {protobuf: testapi.v1.EchoRequest}
              response: {protobuf: testapi.v1.EchoResponse}
            - path: /v1/echo/ping
              doc: Pings, with messages nested in the outer class of a file without java_multiple_files.
              request: {protobuf: testapi.v1.legacy.PingRequest}
              response: {protobuf: testapi.v1.legacy.PingResponse}
            - path: /v1/echo/health
              method: GET
              response: {json: Health}
      """;

  @TempDir
  static Path work;

  private static CompiledSources compiled;

  @BeforeAll
  static void generateAndCompile(@TempDir Path specDir) throws IOException {
    // The way the Maven goal gets it: a spec file and the descriptor set protoc wrote.
    Path spec = Files.writeString(specDir.resolve("echo.yaml"), SPEC);
    List<JavaFile> files = Codegen.generate(spec, specDir, TestProtos.descriptorSet());
    compiled = CompiledSources.compile(files, work);
  }

  @AfterAll
  static void closeLoader() throws IOException {
    compiled.close();
  }

  private Object echoApi(LoopbackServer server) throws Throwable {
    Object builder = call(compiled.load("dev.example.echo.EchoClient"), "builder");
    call(builder, "baseUri", server.baseUri());
    call(builder, "token", "t0ken");
    return call(call(builder, "build"), "echo");
  }

  @Test
  void methodsTakeAndReturnProtocsClasses() throws Exception {
    Class<?> echoApi = compiled.load("dev.example.echo.EchoApi");
    assertEquals(EchoResponse.class, echoApi.getMethod("say", EchoRequest.class).getReturnType());
    assertEquals(CompletableFuture.class, echoApi.getMethod("sayAsync", EchoRequest.class).getReturnType());
    assertEquals(PingResponse.class, echoApi.getMethod("ping", PingRequest.class).getReturnType());
    assertEquals(compiled.load("dev.example.echo.model.Health"), echoApi.getMethod("health").getReturnType());
    String source = compiled.source("dev.example.echo.EchoApi");
    assertTrue(source.contains("import dev.apispec.testapi.v1.legacy.Legacy;"), source);
    assertTrue(source.contains("public Legacy.PingResponse ping(Legacy.PingRequest request) {"), source);
  }

  @Test
  void aCallSendsTheRequestMessageAndReturnsTheResponseMessage() throws Throwable {
    EchoResponse answer = EchoResponse.newBuilder()
        .setStatus(Status.newBuilder().setNumber(7).setCode(1).setMsg("success"))
        .setText("hello")
        .setDetail(EchoResponse.Detail.newBuilder().setNote("n"))
        .build();
    try (LoopbackServer server = LoopbackServer.answering("application/x-protobuf", answer.toByteArray())) {
      Object result = call(echoApi(server), "say", EchoRequest.newBuilder().setText("hello").build());

      assertEquals(answer, result);
      assertEquals("/v1/echo/say", server.lastRequest().path());
      assertEquals("application/x-protobuf", server.lastRequest().header("Content-Type"));
      assertEquals("t0ken", server.lastRequest().header("token"));
      assertEquals(EchoRequest.newBuilder().setText("hello").build(), EchoRequest.parseFrom(server.lastRequest().body()));
    }
  }

  @Test
  void aStatusCodeOtherThanSuccessBecomesTheApisException() throws Throwable {
    PingResponse answer = PingResponse.newBuilder()
        .setStatus(Status.newBuilder().setCode(-1).setMsg("no such group"))
        .build();
    try (LoopbackServer server = LoopbackServer.answering("application/x-protobuf", answer.toByteArray())) {
      Object echo = echoApi(server);
      ApiErrorException e = assertThrows(ApiErrorException.class,
          () -> call(echo, "ping", PingRequest.newBuilder().setCount(1).build()));
      assertSame(compiled.load("dev.example.echo.EchoApiException"), e.getClass());
      assertEquals(-1, e.code());
      assertEquals("no such group", e.getMessage());
      assertEquals("POST /v1/echo/ping", e.endpoint());
    }
  }
}

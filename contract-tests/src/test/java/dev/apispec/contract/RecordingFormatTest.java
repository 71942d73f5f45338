package dev.apispec.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yunhu.client.YunhuClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The recording file format (docs/recordings.md): strict reading, and one way of writing. */
class RecordingFormatTest {

  @TestFactory
  Stream<DynamicTest> committedFilesAreInTheFormatTheRecorderWrites() {
    return Recordings.builtInFiles().entrySet().stream().map(file -> DynamicTest.dynamicTest(file.getKey(), () -> {
      Recording recording = Recording.parse(file.getKey(), file.getValue());
      assertEquals(new String(Reformat.withFreshViews(recording, ProtoTypes.of(YunhuClient.class)).toFile(), StandardCharsets.UTF_8),
          new String(file.getValue(), StandardCharsets.UTF_8),
          file.getKey() + " is not in the recorder's format; run dev.yunhu.contract.Reformat on it");
    }));
  }

  @Test
  void writingAndReadingAgainGivesTheSameRecording() {
    Recording protobuf = DriftTest.builtIn("friend/address-book-list/success");
    Recording again = Recording.parse(protobuf.id(), protobuf.toFile());

    assertArrayEquals(protobuf.response().body().bytes(), again.response().body().bytes());
    assertEquals(((Recording.ProtobufBody) protobuf.response().body()).decoded(),
        ((Recording.ProtobufBody) again.response().body()).decoded());
    assertEquals(protobuf.request().headers(), again.request().headers());
    assertEquals(List.of("data[0].data[0]#6"), again.knownDrift());

    Recording text = new Recording("x/y/z", null,
        new Recording.Request("GET", "/a?b=1", Map.of("Accept", "*/*"), null),
        new Recording.Response(502, "text/html", new Recording.TextBody("<html>bad gateway</html>")), List.of());
    assertEquals("""
        {
          "request": {
            "method": "GET",
            "path": "/a?b=1",
            "headers": {
              "accept": "*/*"
            }
          },
          "response": {
            "status": 502,
            "contentType": "text/html",
            "body": {
              "text": "<html>bad gateway</html>"
            }
          }
        }
        """, new String(text.toFile(), StandardCharsets.UTF_8));
    assertEquals(text, Recording.parse("x/y/z", text.toFile()));
  }

  @Test
  void decimalsStayAsWritten() {
    Recording recording = DriftTest.mutate("group/live-room/success",
        root -> ((com.fasterxml.jackson.databind.node.ObjectNode) root.at("/response/body/json"))
            .put("ratio", new java.math.BigDecimal("2.50")));

    assertEquals("{\"code\":1,\"data\":", new String(recording.response().body().bytes(), StandardCharsets.UTF_8)
        .substring(0, 17));
    assertTrue(new String(recording.toFile(), StandardCharsets.UTF_8).contains("\"ratio\": 2.50"));
  }

  @Test
  void mistakesAreReportedWithTheFileAndKey() {
    assertEquals("a/b/c: the recording has an unknown key 'knowDrift' (known: description, knownDrift, request,"
        + " response)", error("{\"request\":{\"method\":\"POST\",\"path\":\"/x\"},\"response\":{\"status\":200},"
        + "\"knowDrift\":[]}"));
    assertEquals("a/b/c: 'response' is missing", error("{\"request\":{\"method\":\"POST\",\"path\":\"/x\"}}"));
    assertEquals("a/b/c: request.body cannot have both json and text",
        error("{\"request\":{\"method\":\"POST\",\"path\":\"/x\",\"body\":{\"json\":{},\"text\":\"\"}},"
            + "\"response\":{\"status\":200}}"));
    assertEquals("a/b/c: response.body.protobuf is not valid base64: Illegal base64 character 21",
        error("{\"request\":{\"method\":\"POST\",\"path\":\"/x\"},\"response\":{\"status\":200,"
            + "\"body\":{\"protobuf\":\"!!\"}}}"));
    assertEquals("a/b/c: request.path must start with '/': x",
        error("{\"request\":{\"method\":\"POST\",\"path\":\"x\"},\"response\":{\"status\":200}}"));
    assertEquals("a/b/c: not valid JSON: Duplicate field 'status'",
        error("{\"request\":{\"method\":\"POST\",\"path\":\"/x\"},\"response\":{\"status\":200,\"status\":201}}")
            .lines().findFirst().orElseThrow());
  }

  private static String error(String json) {
    return assertThrows(IllegalArgumentException.class,
        () -> Recording.parse("a/b/c", json.getBytes(StandardCharsets.UTF_8))).getMessage();
  }
}

package dev.yunhu.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apispec.contract.ContractTests;
import dev.yunhu.client.YunhuClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The Yunhu client's contract, checked with the library as any user of the plugin checks theirs. */
class YunhuContractTest {
  private static final Path SPEC = Path.of(System.getProperty("contract.specDir", "../api-spec/src/main/spec"));
  private static final Path RECORDINGS =
      Path.of(System.getProperty("contract.recordingsDir", "src/main/resources/recordings"));

  private static ContractTests contract(Path recordings) {
    return ContractTests.builder()
        .spec(SPEC)
        .recordings(recordings)
        .client(uri -> YunhuClient.builder().allBaseUris(uri).token("test").build())
        .build();
  }

  @TestFactory
  Stream<DynamicNode> contract() {
    return contract(RECORDINGS).tests();
  }

  /** A recording with a field the spec does not know fails, naming its path; a missing one fails coverage. */
  @Test
  void driftAndAMissingRecordingFailWithTheirNames(@TempDir Path recordings) throws IOException {
    Path room = recordings.resolve("group/live-room");
    Files.createDirectories(room);
    String success = Files.readString(RECORDINGS.resolve("group/live-room/success.json"));
    Files.writeString(room.resolve("success.json"), success.replace("\"count\": 123,",
        "\"count\": 123,\n              \"newField\": 7,"));

    Map<String, String> failures = run(contract(recordings).tests(), "");
    assertTrue(failures.get("replay/replay group/live-room/success").contains("data.rooms[0].newField"),
        failures.toString());
    assertTrue(failures.get("coverage/every endpoint has a success recording")
        .contains("POST /v1/friend/apply has no success recording; add friend/apply/success.json"), failures.toString());
    assertEquals(null, failures.get("coverage/every recording matches an endpoint"));
  }

  /** Runs the tests as JUnit would, and returns each failure's message by test path. */
  private static Map<String, String> run(Stream<DynamicNode> nodes, String prefix) {
    Map<String, String> failures = new LinkedHashMap<>();
    nodes.forEach(node -> {
      String name = prefix + node.getDisplayName();
      if (node instanceof DynamicContainer container) {
        failures.putAll(run(container.getChildren().map(DynamicNode.class::cast), name + "/"));
      } else if (node instanceof DynamicTest test) {
        try {
          test.getExecutable().execute();
        } catch (Throwable t) {
          failures.put(name, String.valueOf(t.getMessage()));
        }
      }
    });
    return failures;
  }
}

package dev.apispec.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.palantir.javapoet.JavaFile;
import dev.apispec.codegen.Codegen;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated code, character for character, for one record and one enum. The golden files in
 * src/test/resources/golden are reviewed like hand-written code: a change to them is a change to every
 * generated client. After an intended change, regenerate them with {@code -Dgolden.update=true} and
 * review the diff.
 */
class GoldenFileTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  private static final String SPEC = """
      api:
        name: Golden
        package: dev.example.golden
        baseUrl: https://golden.example.com
        auth: {header: token}
      types:
        ChatType:
          doc: The kind of a chat partner.
          enum: int
          values:
            USER:
              value: 1
              doc: A user.
            GROUP:
              value: 2
              doc: A group chat.
            BOT:
              value: 3
        TagRelationRequest:
          doc: Names a member and a tag, to give or take the tag.
          fields:
            userId:
              type: string
              required: true
              doc: ID of the member.
              example: "1234567"
            tag_group_id:
              type: int64
              required: true
              doc: ID of the tag.
              example: 1145
            chatType:
              type: ChatType
            msgTypes:
              type: list<int32>
              format: comma-separated
              doc: Message types the member may send
              example: "1,2"
      """;

  @ParameterizedTest
  @ValueSource(strings = {"TagRelationRequest", "ChatType"})
  void generatedCodeMatchesTheReviewedGoldenFile(String type) throws IOException {
    List<JavaFile> files = Codegen.generateFromText("golden.yaml", SPEC, null);
    String generated = files.stream()
        .filter(f -> f.typeSpec().name().equals(type))
        .findFirst().orElseThrow()
        .toString();
    Path golden = GOLDEN.resolve(type + ".java");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, generated, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), generated,
        "generated " + type + " differs from " + golden + "; if intended, run with -Dgolden.update=true and review");
  }
}

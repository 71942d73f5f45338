package dev.yunhu.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The spec files match the JSON Schema of the format, and the schema rejects broken specs. */
class SpecSchemaTest {

  static List<Path> specFiles() {
    return SpecFiles.specFiles();
  }

  @Test
  void schemaIsAValidDraft202012Schema() {
    Set<ValidationMessage> errors = SpecFiles.metaSchema().validate(SpecFiles.schemaNode());
    assertTrue(errors.isEmpty(), () -> report(SpecFiles.schemaFile(), errors));
  }

  @ParameterizedTest
  @MethodSource("specFiles")
  void specFileMatchesTheSchema(Path file) {
    Set<ValidationMessage> errors = SpecFiles.validate(SpecFiles.readYaml(file));
    assertTrue(errors.isEmpty(), () -> report(file, errors));
  }

  @ParameterizedTest
  @MethodSource("specFiles")
  void specFilePointsEditorsAtTheSchema(Path file) throws IOException {
    String firstLine = Files.readAllLines(file).get(0);
    assertTrue(
        firstLine.startsWith(SpecFiles.SCHEMA_HEADER),
        file.getFileName() + " must start with " + SpecFiles.SCHEMA_HEADER);
    Path target =
        file.getParent()
            .resolve(firstLine.substring(SpecFiles.SCHEMA_HEADER.length()).trim())
            .normalize();
    assertEquals(SpecFiles.schemaFile(), target, file.getFileName() + ": wrong schema path");
  }

  /** A control: the examples of docs/spec-format.md, put together, are a valid spec. */
  @Test
  void examplesOfTheFormatDocumentAreAccepted() {
    String yaml =
        """
        api:
          name: Yunhu
          package: dev.yunhu.client
          baseUrl: https://chat-go.jwzhd.com
          doc: The user API of the Yunhu chat service.
          version: "1.0"
          license:
            name: Apache-2.0
            url: https://www.apache.org/licenses/LICENSE-2.0
          auth:
            header: token
            doc: The session token of the user.
          json:
            contentType: application/json
            envelope: {code: code, message: msg, data: data, success: 1}
          protobuf:
            contentType: application/x-protobuf
            status: {field: status, code: code, message: msg, success: 1}
        types:
          FriendApplyRequest:
            doc: Asks to add a user, a group or a bot.
            fields:
              chatId: {type: string, required: true, doc: ID to add., example: "123"}
              chatType: {type: ChatType, required: true}
              tags: {type: list<map<list<int64>>>}
              spaced: {type: "map< list<Color> >"}
              codes: {type: list<int32>, format: comma-separated}
              private: {type: int32, javaName: privateGroup}
          ChatType:
            doc: The kind of a chat partner.
            enum: int
            values:
              USER: {value: 1, doc: A user.}
              GROUP: {value: 2}
          Color:
            enum: string
            values:
              DARK_RED: {value: "#800000"}
        groups:
          group-tag:
            doc: Tags that group admins attach to members.
            prefix: /v1/group-tag/
            endpoints:
              - path: /v1/group-tag/relate-cancel
                doc: Removes a tag from a member.
                request: {json: FriendApplyRequest}
                errors:
                  - {code: -1, message: 您无权操作此群聊, doc: The caller is not an admin.}
              - path: /v1/group-tag/info
                method: GET
                name: info
                deprecated: true
                response: {protobuf: yunhu.v1.GroupInfoResponse.GroupData}
        """;
    Set<ValidationMessage> errors = SpecFiles.validate(SpecFiles.readYaml(yaml));
    assertTrue(errors.isEmpty(), () -> report(Path.of("<snippet>"), errors));
  }

  static Stream<Arguments> brokenSpecs() {
    return Stream.of(
        Arguments.of(
            "unknown top-level key",
            "endpoints: []",
            "endpoints"),
        Arguments.of(
            "unknown key in a field",
            "types: {A: {fields: {x: {type: string, optional: true}}}}",
            "optional"),
        Arguments.of(
            "type name that is not PascalCase",
            "types: {friendApplyRequest: {fields: {}}}",
            "friendApplyRequest"),
        Arguments.of(
            "type name that is not a Java identifier",
            "types: {Friend-Request: {fields: {}}}",
            "Friend-Request"),
        Arguments.of(
            "misspelt scalar type",
            "types: {A: {fields: {x: {type: strin}}}}",
            "/types/A/fields/x/type"),
        Arguments.of(
            "unbalanced list reference",
            "types: {A: {fields: {x: {type: list<string}}}}",
            "/types/A/fields/x/type"),
        Arguments.of(
            "unknown container",
            "types: {A: {fields: {x: {type: set<string>}}}}",
            "/types/A/fields/x/type"),
        Arguments.of(
            "field without a type",
            "types: {A: {fields: {x: {doc: no type}}}}",
            "type"),
        Arguments.of(
            "enum constant not in UPPER_SNAKE_CASE",
            "types: {E: {enum: int, values: {User: {value: 1}}}}",
            "User"),
        Arguments.of(
            "string value in an int enum",
            "types: {E: {enum: int, values: {USER: {value: \"1\"}}}}",
            "/types/E/values/USER/value"),
        Arguments.of(
            "comma-separated on a scalar",
            "types: {A: {fields: {x: {type: string, format: comma-separated}}}}",
            "/types/A/fields/x/type"),
        Arguments.of(
            "Java keyword as javaName",
            "types: {A: {fields: {private: {type: int32, javaName: private}}}}",
            "/types/A/fields/private/javaName"),
        Arguments.of(
            "path without a leading slash",
            "groups: {g: {prefix: /v1/g/, endpoints: [{path: v1/g/x}]}}",
            "/groups/g/endpoints/0/path"),
        Arguments.of(
            "prefix without a trailing slash",
            "groups: {g: {prefix: /v1/g, endpoints: []}}",
            "/groups/g/prefix"),
        Arguments.of(
            "body with both json and protobuf",
            "groups: {g: {prefix: /g/, endpoints: [{path: /g/x, request: {json: A, protobuf: p.M}}]}}",
            "/groups/g/endpoints/0/request"),
        Arguments.of(
            "unknown HTTP method",
            "groups: {g: {prefix: /g/, endpoints: [{path: /g/x, method: FETCH}]}}",
            "/groups/g/endpoints/0/method"),
        Arguments.of(
            "envelope missing a key",
            "api: {name: A, package: a, baseUrl: https://a.test, auth: {header: token},"
                + " json: {envelope: {code: code, message: msg, data: data}}}",
            "success"),
        Arguments.of(
            "version that is a number",
            "api: {name: A, package: a, baseUrl: https://a.test, auth: {header: token}, version: 1.0}",
            "/api/version"),
        Arguments.of(
            "license without a name",
            "api: {name: A, package: a, baseUrl: https://a.test, auth: {header: token},"
                + " license: {url: https://a.test/license}}",
            "name"),
        Arguments.of(
            "base URL with a query",
            "api: {name: A, package: a, baseUrl: \"https://a.test/?x=1\", auth: {header: token}}",
            "/api/baseUrl"),
        Arguments.of(
            "auth that is neither none nor required",
            "groups: {g: {prefix: /g/, auth: optional, endpoints: []}}",
            "/groups/g/auth"),
        Arguments.of(
            "parameter in the body",
            "groups: {g: {prefix: /g/, endpoints: [{path: /g/x, params: {a: {in: body, type: string}}}]}}",
            "/groups/g/endpoints/0/params/a/in"),
        Arguments.of(
            "envelope with a code but no success",
            "groups: {g: {prefix: /g/, envelope: {code: Code, message: Message}, endpoints: []}}",
            "success"),
        Arguments.of(
            "codes mapped to something else than booleans",
            "groups: {g: {prefix: /g/, endpoints: [{path: /g/x, response: {codes: {1: yes, 2: 0}}}]}}",
            "/groups/g/endpoints/0/response/codes"),
        Arguments.of(
            "codes in a request",
            "groups: {g: {prefix: /g/, endpoints: [{path: /g/x, request: {codes: {1: true, 2: false}}}]}}",
            "codes"),
        Arguments.of(
            "format string on a string",
            "types: {A: {fields: {x: {type: string, format: string}}}}",
            "/types/A/fields/x/type"),
        Arguments.of(
            "host name in upper case",
            "api: {name: A, package: a, baseUrl: https://a.test, hosts: {Web: https://w.test}}",
            "Web"));
  }

  /** The plugin tests' spec of every construct beyond JSON in the default envelope matches the schema too. */
  @Test
  void theShapesSpecOfThePluginTestsIsAccepted() {
    Path shapes = SpecFiles.schemaFile().getParent().getParent().getParent().getParent().getParent().getParent()
        .resolve("test/resources/specs/shapes.yaml");
    Set<ValidationMessage> errors = SpecFiles.validate(SpecFiles.readYaml(shapes));
    assertTrue(errors.isEmpty(), () -> report(shapes, errors));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenSpecs")
  void brokenSpecIsRejected(String what, String yaml, String expectedInAnError) {
    Set<ValidationMessage> errors = SpecFiles.validate(SpecFiles.readYaml(yaml));
    assertFalse(errors.isEmpty(), what + ": the schema accepted " + yaml);
    assertTrue(
        errors.stream().anyMatch(e -> e.getMessage().contains(expectedInAnError)),
        () -> what + ": no error mentions '" + expectedInAnError + "':\n" + report(null, errors));
  }

  @Test
  void brokenSpecFileIsRejected(@TempDir Path dir) throws IOException {
    Path broken = dir.resolve("group-tag.yaml");
    String good = Files.readString(SpecFiles.specDir().resolve("group-tag.yaml"));
    Files.writeString(
        broken,
        good.replace("type: list<GroupTag>", "type: list<groupTag>")
            .replace("    prefix: /v1/group-tag/", "    prefix: /v1/group-tag/\n    summary: x"));
    JsonNode spec = SpecFiles.readYaml(broken);
    Set<ValidationMessage> errors = SpecFiles.validate(spec);
    String report = report(broken, errors);
    assertTrue(report.contains("/types/GroupTagList/fields/list/type"), report);
    assertTrue(report.contains("summary"), report);
  }

  private static String report(Path file, Set<ValidationMessage> errors) {
    String prefix = file == null ? "" : file.getFileName() + ": ";
    return errors.stream()
        .map(e -> prefix + e.getMessage())
        .sorted()
        .collect(Collectors.joining("\n"));
  }
}

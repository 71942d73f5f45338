package dev.apispec.codegen.validate;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.apispec.codegen.Codegen;
import dev.apispec.codegen.SpecProblems;
import dev.apispec.codegen.diagnostics.Problem;
import dev.apispec.codegen.diagnostics.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the validator reports about a spec whose every key has the right shape: names that do not
 * resolve or that clash, paths that do not fit their group, values that contradict their type.
 */
class SpecValidatorTest {
  /** The api section most specs below start with: 8 lines, so their own content starts on line 9. */
  private static final String API = """
      api:
        name: Demo
        package: dev.demo
        baseUrl: https://api.example.com
        auth: {header: token}
        json:
          envelope: {code: code, message: msg, data: data, success: 1}
      # the spec's own content starts on line 9
      """;

  @Test
  void unknownTypeSuggestsTheClosestKnownName() {
    assertEquals(List.of(
            "spec.yaml:16:24: unknown type 'ChatTyp'; did you mean 'ChatType'?",
            "spec.yaml:17:20: unknown type 'Colour'"),
        SpecProblems.of(API + """
            types:
              ChatType:
                enum: int
                values:
                  USER: {value: 1}
              Friend:
                fields:
                  chatType: {type: ChatTyp}
                  tags: {type: list<Colour>}
            """));
  }

  @Test
  void unknownBodyTypeIsReportedAtTheEndpoint() {
    assertEquals(List.of("spec.yaml:18:25: unknown type 'FriendRequst'; did you mean 'FriendRequest'?"),
        SpecProblems.of(API + """
            types:
              FriendRequest:
                fields:
                  id: {type: string}
            groups:
              friend:
                prefix: /v1/friend/
                endpoints:
                  - path: /v1/friend/apply
                    request: {json: FriendRequst}
            """));
  }

  @Test
  void typeNamesMustBeClassNamesThatHideNothing() {
    assertEquals(List.of(
            "spec.yaml:10:3: type name 'chat_type' must be a Java class name in UpperCamelCase (letters and digits,"
                + " starting with a capital)",
            "spec.yaml:14:3: type name 'String' would hide java.lang.String, which the generated model classes use;"
                + " choose another name"),
        SpecProblems.of(API + """
            types:
              chat_type:
                enum: int
                values:
                  USER: {value: 1}
              String:
                fields:
                  text: {type: string}
              Error:
                fields:
                  code: {type: int32}
            """));
  }

  @Test
  void typeDeclaredInTwoFilesIsReportedAtTheSecond(@TempDir Path folder) throws IOException {
    Files.writeString(folder.resolve("a-api.yaml"), API + """
        types:
          Tag:
            fields:
              name: {type: string}
        """);
    Files.writeString(folder.resolve("b-more.yaml"), """
        # more types
        types:
          Tag:
            enum: string
            values:
              RED: {value: red}
        """);
    SpecException e = assertThrows(SpecException.class, () -> Codegen.generate(folder, folder, null));
    assertEquals(List.of("b-more.yaml:3:3: type 'Tag' is declared again (first at a-api.yaml:10:3)"),
        e.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void sameEndpointTwiceIsReportedOnce() {
    assertEquals(List.of("spec.yaml:14:15: duplicate endpoint POST /v1/friend/apply (first at spec.yaml:13:15)"),
        SpecProblems.of(API + """
            groups:
              friend:
                prefix: /v1/friend/
                endpoints:
                  - path: /v1/friend/apply
                  - path: /v1/friend/apply
            """));
  }

  @Test
  void samePathOnTwoHostsIsNoDuplicateButTwiceOnOneHostIs() {
    String hosts = API.replace("  auth: {header: token}\n", "  auth: {header: token}\n  hosts: {web: https://web.example.com}\n")
        .replace("      # the spec's own content starts on line 9\n", "");
    assertDoesNotThrow(() -> Codegen.generateFromText("spec.yaml", hosts + """
        groups:
          user:
            prefix: /v1/user/
            endpoints:
              - path: /v1/user/info
          web-user:
            prefix: /v1/user/
            host: web
            endpoints:
              - path: /v1/user/info
        """, null));
    assertEquals(List.of("spec.yaml:16:15: duplicate endpoint POST /v1/user/info on host 'web' (first at spec.yaml:15:15)"),
        SpecProblems.of(hosts + """
            groups:
              web-user:
                prefix: /v1/user/
                host: web
                endpoints:
                  - path: /v1/user/info
                  - path: /v1/user/info
                    name: again
            """));
  }

  @Test
  void sameOperationWithAnotherMethodIsNoDuplicate() {
    assertDoesNotThrow(() -> Codegen.generateFromText("spec.yaml", API + """
        groups:
          friend:
            prefix: /v1/friend/
            endpoints:
              - path: /v1/friend/list
                method: GET
              - path: /v1/friend/list
                name: replaceList
                method: PUT
        """, null));
  }

  @Test
  void pathsMustStartWithSlashAndWithTheGroupPrefix() {
    assertEquals(List.of(
            "spec.yaml:13:15: path 'v1/friend/apply' must start with '/'",
            "spec.yaml:14:15: path '/v2/friend/apply' does not start with the prefix '/v1/friend/' of group 'friend'",
            "spec.yaml:15:15: path '/v1/friend/a b' has characters a path may not hold (spaces, '?', '#', …)"),
        SpecProblems.of(API + """
            groups:
              friend:
                prefix: /v1/friend/
                endpoints:
                  - path: v1/friend/apply
                  - path: /v2/friend/apply
                  - path: /v1/friend/a b
            """));
  }

  @Test
  void prefixMustStartAndEndWithSlash() {
    assertEquals(List.of("spec.yaml:11:13: 'prefix' '/v1/friend' must start and end with '/'"),
        SpecProblems.of(API + """
            groups:
              friend:
                prefix: /v1/friend
                endpoints:
                  - path: /v1/friend/apply
            """));
  }

  @Test
  void twoPathsGivingTheSameMethodNameAreReportedOnce() {
    assertEquals(List.of("spec.yaml:14:15: endpoints '/v1/friend/relate-cancel' and '/v1/friend/relate_cancel'"
            + " of group 'friend' both become the method 'relateCancel'; set 'name'"),
        SpecProblems.of(API + """
            groups:
              friend:
                prefix: /v1/friend/
                endpoints:
                  - path: /v1/friend/relate-cancel
                  - path: /v1/friend/relate_cancel
            """));
  }

  @Test
  void aMethodNameMayNotTakeTheNameOfAnotherMethodsAsyncTwin() {
    assertEquals(List.of("spec.yaml:14:15: endpoints '/v1/friend/apply' and '/v1/friend/apply-async'"
            + " of group 'friend' both become the method 'applyAsync'; set 'name'"),
        SpecProblems.of(API + """
            groups:
              friend:
                prefix: /v1/friend/
                endpoints:
                  - path: /v1/friend/apply
                  - path: /v1/friend/apply-async
                    name: applyAsync
            """));
  }

  @Test
  void twoMethodNamesGivingTheSameEndpointConstantAreReported() {
    // relateCancel and relate_cancel are different methods, but both would be held in RELATE_CANCEL.
    assertEquals(List.of("spec.yaml:14:15: endpoints '/v1/friend/relate-cancel' and '/v1/friend/cancel-relation'"
            + " of group 'friend' both become the constant 'RELATE_CANCEL'; set 'name'"),
        SpecProblems.of(API + """
            groups:
              friend:
                prefix: /v1/friend/
                endpoints:
                  - path: /v1/friend/relate-cancel
                  - path: /v1/friend/cancel-relation
                    name: relate_cancel
            """));
  }

  @Test
  void namesThatEveryJavaObjectHasAreReported() {
    assertEquals(List.of(
            "spec.yaml:10:3: group 'builder' would become the accessor 'builder()', which the client has already;"
                + " rename the group",
            "spec.yaml:13:15: endpoint '/v1/builder/notify' would become the method 'notify()', which every Java"
                + " object has; set 'name'",
            "spec.yaml:14:3: group 'to-string' would become the accessor 'toString()', which the client has already;"
                + " rename the group"),
        SpecProblems.of(API + """
            groups:
              builder:
                prefix: /v1/builder/
                endpoints:
                  - path: /v1/builder/notify
              to-string:
                prefix: /v1/to-string/
                endpoints:
                  - path: /v1/to-string/wait
                    request: {json: Tag}
            types:
              Tag:
                fields:
                  name: {type: string}
            """));
  }

  @Test
  void fieldsThatBecomeTheSameJavaNameAreReported() {
    assertEquals(List.of(
            "spec.yaml:13:7: fields 'del_flag' and 'delFlag' of type 'Tag' both become 'delFlag' in Java;"
                + " set 'javaName' on one",
            "spec.yaml:14:7: field 'unknown_fields' of type 'Tag' would be named 'unknownFields',"
                + " which generated records reserve; set 'javaName'",
            "spec.yaml:15:7: 'javaName' 'default' of field 'default' is not a legal Java name"),
        SpecProblems.of(API + """
            types:
              Tag:
                fields:
                  del_flag: {type: int32}
                  delFlag: {type: int32}
                  unknown_fields: {type: string}
                  default:
                    type: string
                    javaName: default
            """));
  }

  @Test
  void enumConstantsMustBeUpperSnakeCaseAndValuesUnique() {
    assertEquals(List.of(
            "spec.yaml:13:7: enum constant 'User' of 'ChatType' must be UPPER_SNAKE_CASE",
            "spec.yaml:15:7: 'BOT' repeats the value 2 of 'GROUP' in enum 'ChatType'"),
        SpecProblems.of(API + """
            types:
              ChatType:
                enum: int
                values:
                  User: {value: 1}
                  GROUP: {value: 2}
                  BOT: {value: 2}
            """));
  }

  @Test
  void commaSeparatedNeedsAListOfScalarsOrEnums() {
    assertEquals(List.of(
            "spec.yaml:14:17: 'format: comma-separated' needs a list of scalars or enums, not 'string'",
            "spec.yaml:17:17: 'format: comma-separated' needs a list of scalars or enums, not 'list<Tag>'"),
        SpecProblems.of(API + """
            types:
              Tag:
                fields:
                  ids:
                    type: string
                    format: comma-separated
                  tags:
                    type: list<Tag>
                    format: comma-separated
                  types:
                    type: list<int32>
                    format: comma-separated
            """));
  }

  @Test
  void examplesMustMatchTheirType() {
    assertEquals(List.of(
            "spec.yaml:16:7: the 'example' of field 'chatId' does not match its type 'string'; quote it",
            "spec.yaml:17:7: the 'example' of field 'size' does not match its type 'int32'",
            "spec.yaml:18:7: the 'example' of field 'chatType' does not match its type 'ChatType'",
            "spec.yaml:19:7: the 'example' of field 'muted' does not match its type 'bool'"),
        SpecProblems.of(API + """
            types:
              ChatType:
                enum: int
                values:
                  USER: {value: 1}
              Friend:
                fields:
                  chatId: {type: string, example: 123}
                  size: {type: int32, example: "20"}
                  chatType: {type: ChatType, example: USER}
                  muted: {type: bool, example: "no"}
                  score: {type: float64, example: 1}
                  name: {type: string, example: "123"}
            """));
  }

  @Test
  void jsonEndpointsNeedTheEnvelope() {
    assertEquals(List.of("spec.yaml:10:9: this endpoint reads a JSON envelope, but 'api' declares no 'json' envelope"
        + " (declare one, or give the endpoint or its group an 'envelope')"),
        SpecProblems.of("""
            api:
              name: Demo
              package: dev.demo
              baseUrl: https://api.example.com
              auth: {header: token}
            groups:
              friend:
                prefix: /v1/friend/
                endpoints:
                  - path: /v1/friend/list
                    method: GET
            """));
  }
}

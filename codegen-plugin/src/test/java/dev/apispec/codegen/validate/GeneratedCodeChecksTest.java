package dev.apispec.codegen.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.FileOptions;
import dev.apispec.codegen.SpecProblems;
import dev.apispec.codegen.TestProtos;
import dev.apispec.codegen.proto.ProtoCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Specs that the validator accepted although the code generated from them did not compile, or whose problems it
 * described poorly (issue #13), each rejected now with a located problem that says what to fix. That what is
 * accepted at each limit compiles is {@code AcceptedMeansItCompilesTest}'s part (its edge specs).
 */
class GeneratedCodeChecksTest {
  /** 8 lines, so the spec's own content starts on line 9. */
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

  // --- limits of the Java language and class files ---

  @Test
  void aRecordTakesAtMost253Fields() {
    StringBuilder yaml = new StringBuilder(API + "types:\n  R:\n    fields:\n");
    for (int i = 0; i < 254; i++) {
      yaml.append("      f").append(i).append(": {type: int64}\n");
    }
    assertEquals(List.of("spec.yaml:265:7: type 'R' has 254 fields; a Java record can have at most 253 (its"
        + " constructor takes 255 parameters, two of them the unknown properties and 'this'); split it into nested"
        + " types"), SpecProblems.of(yaml.toString()));
  }

  @Test
  void enumsAndGroupsStayBelowTheBytecodeLimitOfAMethod() {
    StringBuilder yaml = new StringBuilder(API + "types:\n  E:\n    enum: string\n    values:\n");
    for (int i = 0; i < 1_501; i++) {
      yaml.append("      V").append(i).append(": {value: v").append(i).append("}\n");
    }
    yaml.append("groups:\n  g:\n    prefix: /g/\n    endpoints:\n");
    for (int i = 0; i < 2_701; i++) {
      yaml.append("      - path: /g/e").append(i).append('\n');
    }
    assertEquals(List.of(
            "spec.yaml:1513:7: enum 'E' has 1501 values; an enum of string values can have at most 1500 (its"
                + " generated code would be larger than a Java method may be); split it, or use 'string' for the field",
            "spec.yaml:4218:15: group 'g' has 2701 endpoints; a group can have at most 2700 (its class's static"
                + " initialiser would be larger than a Java method may be); split the group"),
        SpecProblems.of(yaml.toString()));
  }

  @Test
  void stringConstantsFitTheClassFile() {
    String path = "/v1/" + "p".repeat(65_531); // 65,535 characters: one more than javac takes
    String value = "中".repeat(21_846); // 21,846 characters, but 65,538 bytes
    List<String> problems = SpecProblems.of(API + "types:\n  E:\n    enum: string\n    values:\n      A: {value: "
        + multiline(value) + "}\ngroups:\n  g:\n    prefix: /v1/\n    endpoints:\n      - {name: x, path: "
        + multiline(path) + "}\n");
    assertEquals(List.of(
            "spec.yaml:13:7: value 'A' of enum 'E' is 21846 characters long, 65538 bytes in a class file; a Java string"
                + " constant holds at most 65534 characters and 65535 bytes; shorten it",
            "spec.yaml:39:25: path is 65535 characters long, 65535 bytes in a class file; a Java string constant holds"
                + " at most 65534 characters and 65535 bytes; shorten it"),
        problems);
  }

  // --- names that the generated code's own references collide with ---

  @Test
  void namesThatWouldHideAPackageTheGeneratedCodeNamesAreRejected() {
    // A type named Objects makes JavaPoet write java.util.Objects.requireNonNull(…), where a component 'java' is
    // read as the variable; likewise com (Jackson), dev (the runtime and this API) and the protobuf classes' root.
    assertEquals(List.of(
            "spec.yaml:13:7: field 'java' of type 'Objects' would become the record component 'java', which would hide"
                + " the package 'java' that the generated code names; set 'javaName'",
            "spec.yaml:14:7: field 'c' of type 'Objects' would become the record component 'com', which would hide the"
                + " package 'com' that the generated code names; set 'javaName'",
            "spec.yaml:16:3: group 'dev' would become the client's field 'dev', which would hide the package 'dev'"
                + " that the generated code names; rename it",
            "spec.yaml:20:3: group 'testapi' would become the client's field 'testapi', which would hide the package"
                + " 'testapi' that the generated code names; rename it"),
        SpecProblems.of(API.replace("json:", "protobuf:\n    status: {field: status, code: code, message: msg,"
            + " success: 1}\n  json:").replace("# the spec's own content starts on line 9\n", "") + """
            types:
              Objects:
                fields:
                  java: {type: string, required: true}
                  c: {type: string, javaName: com}
            groups:
              dev:
                prefix: /dev/
                endpoints:
                  - {path: /dev/x}
              testapi:
                prefix: /t/
                endpoints:
                  - {path: /t/x, response: {protobuf: testapi.v1.EchoResponse}}
            """, TestProtos.catalog()));
  }

  @Test
  void aGeneratedClassMayNotBeAProtobufClassOfTheSamePackage() throws Exception {
    FileDescriptorSet set = FileDescriptorSet.newBuilder().addFile(FileDescriptorProto.newBuilder()
        .setName("clash.proto").setPackage("clash")
        .setOptions(FileOptions.newBuilder().setJavaPackage("dev.demo").setJavaMultipleFiles(true))
        .addMessageType(DescriptorProto.newBuilder().setName("TagsApi"))).build();
    assertEquals(List.of("spec.yaml:10:3: the class of group 'tags' would be the class dev.demo.TagsApi, which protoc"
            + " generates too; rename it or choose another package"),
        SpecProblems.of(API + """
            groups:
              tags:
                prefix: /tags/
                endpoints:
                  - path: /tags/list
            """, ProtoCatalog.parse(set.toByteArray())));
  }

  @Test
  void packagesThatTheJdkOrTheRuntimeOwnAreRejected() {
    for (String owned : List.of("java.demo", "javax.demo", "jdk.demo", "sun.demo", "com.sun.demo", "org.w3c.dom",
        "javax.lang", "dev.apispec.runtime")) {
      List<String> problems = SpecProblems.of(API.replace("dev.demo", owned));
      assertEquals(1, problems.size(), problems.toString());
      assertTrue(problems.get(0).startsWith("spec.yaml:2:3: api 'package' '" + owned + "' would put classes in the"
          + " package '" + owned), problems.get(0));
    }
    assertEquals(List.of("spec.yaml:2:3: api 'package' 'org.w3c.dom' would put classes in the package"
            + " 'org.w3c.dom', which belongs to the JDK module java.xml; choose a package of your own"),
        SpecProblems.of(API.replace("dev.demo", "org.w3c.dom")));
  }

  @Test
  void namesTooLongForAFileSystemAreRejected() {
    String api = API.replace("name: Demo", "name: " + "A".repeat(236)).replace("dev.demo", "dev." + "ü".repeat(128));
    assertEquals(List.of(
            "spec.yaml:2:3: api 'name' '" + "A".repeat(236) + "' is too long: it would make the file or folder name '"
                + "A".repeat(40) + "…' of 256 bytes, and file systems hold at most 255; shorten it",
            "spec.yaml:2:3: the part '" + "ü".repeat(128) + "' of api 'package' is too long: it would make the file or"
                + " folder name '" + "ü".repeat(40) + "…' of 256 bytes, and file systems hold at most 255; shorten it",
            "spec.yaml:10:3: type name 'T" + "x".repeat(249) + "' is too long: it would make the file or folder name 'T"
                + "x".repeat(39) + "…' of 256 bytes, and file systems hold at most 255; shorten it"),
        SpecProblems.of(api + "types:\n  T" + "x".repeat(249) + ": {fields: {}}\n"));
  }

  // --- documented limits and checks that had gaps ---

  @Test
  void pathsWithDotSegmentsOrBrokenEscapesAreRejected() {
    assertEquals(List.of(
            "spec.yaml:13:15: path '/v1/../x' has the segment '..', which HTTP clients and servers resolve away;"
                + " write the path it stands for",
            "spec.yaml:14:15: path '/v1/a%2' has a '%' at character 6 that is not followed by two hex digits;"
                + " write '%25' for a percent sign",
            "spec.yaml:15:15: path '/v1/%zz/x' has a '%' at character 5 that is not followed by two hex digits;"
                + " write '%25' for a percent sign",
            "spec.yaml:18:13: 'prefix' '/h/./' has the segment '.', which HTTP clients and servers resolve away;"
                + " write the path it stands for"),
        SpecProblems.of(API + """
            groups:
              g:
                prefix: /v1/
                endpoints:
                  - path: /v1/../x
                  - path: /v1/a%2
                  - path: /v1/%zz/x
                  - path: /v1/%41
              h:
                prefix: /h/./
                endpoints:
                  - path: /h/./x
            """).stream().filter(p -> !p.contains("'/h/./x'")).toList());
  }

  @Test
  void commaSeparatedEnumsMayNotHoldTheSeparatorOrEmptyValues() {
    assertEquals(List.of(
            "spec.yaml:18:39: field 'tags' cannot be comma-separated: the value 'a,b' of 'AB' in enum 'Tag' holds a"
                + " comma, the separator; change the value or drop 'format'",
            "spec.yaml:18:39: field 'tags' cannot be comma-separated: the value '' of 'NONE' in enum 'Tag' is empty"
                + " (\"\" is the empty list); change the value or drop 'format'"),
        SpecProblems.of(API + """
            types:
              Tag:
                enum: string
                values:
                  A: {value: a}
                  AB: {value: 'a,b'}
                  NONE: {value: ''}
              Post:
                fields:
                  tags: {type: list<Tag>, format: comma-separated}
            """));
  }

  @Test
  void examplesOutsideTheRangeOfAnInt32AreRejected() {
    assertEquals(List.of(
            "spec.yaml:16:7: the 'example' 2147483648 of field 'count' is outside the range of its type 'int32'"
                + " (-2147483648 to 2147483647)",
            "spec.yaml:17:7: the 'example' -2147483649 of field 'kind' is outside the range of its type 'Kind'"
                + " (-2147483648 to 2147483647)"),
        SpecProblems.of(API + """
            types:
              Kind:
                enum: int
                values:
                  A: {value: 1}
              Page:
                fields:
                  count: {type: int32, example: 2147483648}
                  kind: {type: Kind, example: -2147483649}
                  total: {type: int64, example: 2147483648}
            """));
  }

  // --- messages ---

  @Test
  void aJsonTypeGivenAsProtobufAndTheOtherWayRoundGetAHint() {
    String api = API.replace("json:", "protobuf:\n    status: {field: status, code: code, message: msg, success: 1}\n"
        + "  json:").replace("# the spec's own content starts on line 9\n", "");
    assertEquals(List.of(
            "spec.yaml:19:25: unknown type 'testapi.v1.EchoRequest'; 'testapi.v1.EchoRequest' is a protobuf message:"
                + " write 'protobuf: testapi.v1.EchoRequest'",
            "spec.yaml:20:30: protobuf message 'Friend' does not exist in the compiled .proto files; 'Friend' is a"
                + " type of the spec: write 'json: Friend'",
            "spec.yaml:22:29: protobuf message 'testapi.EchoRequest' does not exist in the compiled .proto files;"
                + " did you mean 'testapi.v1.EchoRequest'?"),
        SpecProblems.of(api + """
            types:
              Friend:
                fields:
                  id: {type: string}
            groups:
              g:
                prefix: /g/
                endpoints:
                  - path: /g/a
                    request: {json: testapi.v1.EchoRequest}
                    response: {protobuf: Friend}
                  - path: /g/b
                    request: {protobuf: testapi.EchoRequest}
            """, TestProtos.catalog()));
  }

  /** A double-quoted YAML string over lines of 1,000 characters (an escaped line break joins them). */
  private static String multiline(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int start = 0; start < text.length(); start += 1_000) {
      out.append(start == 0 ? "" : "\\\n        ").append(text, start, Math.min(text.length(), start + 1_000));
    }
    return out.append('"').toString();
  }
}

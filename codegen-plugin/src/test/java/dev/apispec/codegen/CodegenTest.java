package dev.apispec.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import dev.apispec.codegen.diagnostics.Problem;
import dev.apispec.codegen.diagnostics.SpecException;
import dev.apispec.codegen.output.SourceWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline as the Maven goal drives it: read a spec folder, validate everything, and write the
 * sources only when there is no problem at all.
 */
class CodegenTest {
  @TempDir
  Path project;

  /** What the goal does: generate, and replace the output folder only on success. */
  private List<Problem> generateInto(Path spec, Path output) throws IOException {
    try {
      List<JavaFile> files = Codegen.generate(spec, project, null);
      SourceWriter.replace(output, files);
      return List.of();
    } catch (SpecException e) {
      return e.problems();
    }
  }

  @Test
  void everyMistakeIsReportedSortedByLineAndNothingIsWritten() throws IOException {
    Path spec = Files.createDirectories(project.resolve("src/main/spec"));
    Files.writeString(spec.resolve("api.yaml"), """
        api:
          name: Demo
          package: dev.demo
          baseUrl: ftp://files.example.com
          auth: {header: token}
          json:
            envelope: {code: code, message: msg, data: data}
          colour: blue
        types:
          ChatType:
            enum: int
            values:
              user: {value: 1}
              GROUP: {value: 1}
          Friend:
            fields:
              chatId: {type: string, required: "yes"}
              chat_id: {type: string}
              chatType: {type: ChatTyp}
              types: {type: int32, format: comma-separated}
              size: {type: int32, example: "twenty"}
              size: {type: int64}
        groups:
          friend:
            prefix: /v1/friend/
            endpoints:
              - path: v1/friend/apply
                request: {json: Friend}
              - path: /v2/friend/list
                method: FETCH
              - path: /v1/friend/relate-cancel
              - path: /v1/friend/relate_cancel
              - path: /v1/friend/relate-cancel
        """);
    Path output = project.resolve("target/generated-sources/apispec");

    List<Problem> problems = generateInto(spec, output);

    assertEquals(List.of(
            "src/main/spec/api.yaml:2:3: 'baseUrl' 'ftp://files.example.com' must be an absolute http or https URL"
                + " without query or fragment",
            "src/main/spec/api.yaml:7:15: 'envelope' is missing 'success'",
            "src/main/spec/api.yaml:8:3: unknown key 'colour' in 'api'; allowed: auth, baseUrl, doc, hosts, json,"
                + " license, name, package, protobuf, version",
            "src/main/spec/api.yaml:13:7: enum constant 'user' of 'ChatType' must be UPPER_SNAKE_CASE",
            "src/main/spec/api.yaml:14:7: 'GROUP' repeats the value 1 of 'user' in enum 'ChatType'",
            "src/main/spec/api.yaml:17:40: 'required' must be true or false, not a string",
            "src/main/spec/api.yaml:18:7: fields 'chatId' and 'chat_id' of type 'Friend' both become 'chatId' in Java;"
                + " set 'javaName' on one",
            "src/main/spec/api.yaml:19:24: unknown type 'ChatTyp'; did you mean 'ChatType'?",
            "src/main/spec/api.yaml:20:36: 'format: comma-separated' needs a list of scalars or enums, not 'int32'",
            "src/main/spec/api.yaml:21:7: the 'example' of field 'size' does not match its type 'int32'",
            "src/main/spec/api.yaml:22:7: duplicate key 'size' (first at line 21)",
            "src/main/spec/api.yaml:27:15: path 'v1/friend/apply' must start with '/'",
            "src/main/spec/api.yaml:29:15: path '/v2/friend/list' does not start with the prefix '/v1/friend/'"
                + " of group 'friend'",
            "src/main/spec/api.yaml:30:17: unknown method 'FETCH'; use one of GET, POST, PUT, PATCH, DELETE",
            "src/main/spec/api.yaml:32:15: endpoints '/v1/friend/relate-cancel' and '/v1/friend/relate_cancel'"
                + " of group 'friend' both become the method 'relateCancel'; set 'name'",
            "src/main/spec/api.yaml:33:15: duplicate endpoint POST /v1/friend/relate-cancel"
                + " (first at src/main/spec/api.yaml:31:15)"),
        problems.stream().map(Problem::toString).toList());
    assertEquals(problems.stream()
            .sorted(Comparator.comparingInt((Problem p) -> p.location().line())
                .thenComparingInt(p -> p.location().column()))
            .toList(),
        problems);
    assertFalse(Files.exists(output), "nothing is written for an invalid spec");
    assertFalse(Files.exists(output.getParent()), "not even the parent folder");
  }

  @Test
  void theExceptionMessageListsEveryProblem() {
    SpecException e = assertThrows(SpecException.class, () -> Codegen.generateFromText("api.yaml", """
        api:
          name: demo
          package: dev.demo
          baseUrl: https://api.example.com
          auth: {}
        """, null));
    assertEquals("""
        The spec has 2 problems:
          api.yaml:2:3: api 'name' 'demo' must be UpperCamelCase letters and digits; it prefixes class names such \
        as demoClient
          api.yaml:5:9: 'auth' is missing 'header'""", e.getMessage());
  }

  @Test
  void problemsOfSeveralFilesAreSortedByFileThenLine(@TempDir Path spec) throws IOException {
    Files.writeString(spec.resolve("b-types.yaml"), """
        types:
          Tag:
            fields:
              name: {type: strin}
        """);
    Files.writeString(spec.resolve("a-api.yaml"), """
        api:
          name: Demo
          package: dev.demo
          baseUrl: https://api.example.com
          auth: {header: "to ken"}
        """);
    SpecException e = assertThrows(SpecException.class, () -> Codegen.generate(spec, spec, null));
    assertEquals(List.of(
            "a-api.yaml:2:3: auth 'header' 'to ken' is not a valid HTTP header name",
            "b-types.yaml:4:20: unknown type 'strin'; did you mean 'string'?"),
        e.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void aMissingSpecIsOneProblem() {
    SpecException e = assertThrows(SpecException.class,
        () -> Codegen.generate(project.resolve("src/main/spec"), project, null));
    assertEquals(List.of("src/main/spec:1:1: the spec does not exist; set 'spec' to a YAML file or a folder of them"),
        e.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void aValidSpecIsWrittenToTheOutputFolder() throws IOException {
    Path spec = project.resolve("api.yaml");
    Files.writeString(spec, """
        api:
          name: Demo
          package: dev.demo
          baseUrl: https://api.example.com
          auth: {header: token}
        types:
          Tag:
            fields:
              name: {type: string}
        """);
    Path output = project.resolve("out");
    assertEquals(List.of(), generateInto(spec, output));
    assertTrue(Files.isRegularFile(output.resolve("dev/demo/model/Tag.java")));
    assertTrue(Files.isRegularFile(output.resolve("dev/demo/DemoClient.java")));
    assertTrue(Files.isRegularFile(output.resolve("dev/demo/DemoApiException.java")));
  }

  @Test
  void anUnreadableDescriptorSetIsOneProblemNotTwo() throws IOException {
    Path spec = project.resolve("api.yaml");
    Files.writeString(spec, """
        api:
          name: Demo
          package: dev.demo
          baseUrl: https://api.example.com
          auth: {header: token}
          protobuf:
            status: {field: status, code: code, message: msg, success: 1}
        groups:
          g:
            prefix: /g/
            endpoints:
              - {path: /g/echo, response: {protobuf: testapi.v1.EchoResponse}}
        """);
    Path descriptorSet = project.resolve("missing.desc");
    SpecException e = assertThrows(SpecException.class, () -> Codegen.generate(spec, project, descriptorSet));
    // not also "cannot be checked: no descriptor set was given" at the endpoint: one was given
    assertEquals(1, e.problems().size(), e.getMessage());
    assertTrue(e.problems().get(0).toString().startsWith(descriptorSet + ":1:1: cannot read the protobuf descriptor"
        + " set"), e.getMessage());
  }

  @Test
  void aFileThatCannotBeWrittenIsAProblemAtTheTypeItComesFrom() throws IOException {
    // each part of the package is within a file name's limit, but all of them make a path longer than Linux takes
    String packageName = "dev" + ("." + "p".repeat(250)).repeat(17);
    Path spec = project.resolve("api.yaml");
    Files.writeString(spec, """
        api:
          name: Demo
          package: %s
          baseUrl: https://api.example.com
          auth: {header: token}
        types:
          Tag:
            fields:
              name: {type: string}
        """.formatted(packageName));
    Path output = project.resolve("out");
    Codegen.Sources sources = Codegen.generateSources(spec, project, null);
    SpecException e = assertThrows(SpecException.class, () -> Codegen.write(sources, output));
    assertEquals(1, e.problems().size(), e.getMessage());
    String problem = e.problems().get(0).toString();
    assertTrue(problem.matches("api\\.yaml:(2:3|7:3): cannot write the generated file .*: .*"), problem);
    assertFalse(Files.exists(output), "nothing is written");
  }
}

package dev.apispec.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.palantir.javapoet.JavaFile;
import dev.apispec.codegen.Codegen;
import dev.apispec.codegen.CompiledSources;
import dev.apispec.codegen.Reflect;
import dev.apispec.codegen.ReliabilityAreas;
import dev.apispec.runtime.testing.Reliability;
import dev.apispec.codegen.SpecProblems;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spec names that are Java keywords or not Java identifiers at all ({@code class}, {@code default},
 * {@code 123abc}, {@code 名字}, {@code a-b}) in every place a name turns into Java: field wire names, type names,
 * enum constants, group names and endpoint paths. Each becomes a legal Java name by the rules of
 * {@link dev.apispec.codegen.naming.JavaNames} (the same name every time), or is rejected with a problem that says
 * what to do; what is accepted compiles, loads and works. Names that are legal but would clash with what the
 * generated code declares itself are rejected too.
 */
class HostileNamesTest {
  @RegisterExtension
  static final Reliability FIGURES = Reliability.forClass(HostileNamesTest.class);

  private static final String API = """
      api:
        name: Demo
        package: dev.demo
        baseUrl: https://api.example.com
        auth: {header: token}
        json:
          envelope: {code: code, message: msg, data: data, success: 1}
      # the spec's own content starts on line 8
      """;

  private static Reliability.Row row(int specs) {
    return FIGURES.row(ReliabilityAreas.HOSTILE_SPECS, "names that are Java keywords or not identifiers",
        "specs generated or rejected").tried(specs).note("accepted before, and generated code that did not compile:"
        + " an auth header named like a builder setting (Base-Uri), a javaName Objects, Map or Collections, endpoint"
        + " names javac takes for one (a soft hyphen inside); or that lost a group: 'ßa' and 'SSa' gave one class;"
        + " or put classes in another package (a C1 control in the package name); all rejected now (fixed)");
  }

  /** Generates {@code yaml} twice (the same sources both times), and compiles and loads the result. */
  private static CompiledSources compile(String yaml, Path work) throws Exception {
    List<JavaFile> files = Codegen.generateFromText("names.yaml", yaml, null);
    assertEquals(files.stream().map(JavaFile::toString).toList(),
        Codegen.generateFromText("names.yaml", yaml, null).stream().map(JavaFile::toString).toList(),
        "the same spec gave other sources the second time");
    return CompiledSources.compile(files, work, "-Xdoclint:all,-missing");
  }

  @Test
  void asFieldWireNamesTheyBecomeLegalComponentsAndStayOnTheWire(@TempDir Path work) throws Throwable {
    row(1);
    try (CompiledSources compiled = compile(API + """
        types:
          Names:
            fields:
              class: {type: string, required: true}
              default: {type: string}
              123abc: {type: int32}
              名字: {type: string}
              a-b: {type: bool}
        """, work)) {
      Class<?> names = compiled.load("dev.demo.model.Names");
      assertEquals(List.of("class_", "default_", "_123abc", "名字", "aB", "unknownFields"),
          Arrays.stream(names.getRecordComponents()).map(RecordComponent::getName).toList());
      Object value = Reflect.construct(names, "c", "d", 1, "n", true);
      String json = "{\"class\":\"c\",\"default\":\"d\",\"123abc\":1,\"名字\":\"n\",\"a-b\":true}";
      ObjectMapper mapper = new ObjectMapper();
      assertEquals(json, mapper.writeValueAsString(value));
      assertEquals(value, mapper.readValue(json, names));
      assertEquals("c", Reflect.call(value, "class_"));
    }
  }

  @Test
  void asTypeNamesTheyAreRejected() {
    row(1);
    String rule = "' must be a Java class name in UpperCamelCase (letters and digits, starting with a capital)";
    assertEquals(List.of(
            "spec.yaml:10:3: type name 'class" + rule,
            "spec.yaml:11:3: type name 'default" + rule,
            "spec.yaml:12:3: type name '123abc" + rule,
            "spec.yaml:13:3: type name '名字" + rule,
            "spec.yaml:14:3: type name 'a-b" + rule),
        SpecProblems.of(API + """
            types:
              class: {fields: {}}
              default: {fields: {}}
              123abc: {fields: {}}
              名字: {fields: {}}
              a-b: {fields: {}}
            """));
  }

  @Test
  void asEnumConstantsTheyAreRejectedButUpperCaseKeywordsAreFine(@TempDir Path work) throws Throwable {
    row(2);
    String rule = "' of 'Kind' must be UPPER_SNAKE_CASE";
    assertEquals(List.of(
            "spec.yaml:13:7: enum constant 'class" + rule,
            "spec.yaml:14:7: enum constant 'default" + rule,
            "spec.yaml:15:7: enum constant '123abc" + rule,
            "spec.yaml:16:7: enum constant '名字" + rule,
            "spec.yaml:17:7: enum constant 'a-b" + rule),
        SpecProblems.of(API + """
            types:
              Kind:
                enum: int
                values:
                  class: {value: 1}
                  default: {value: 2}
                  123abc: {value: 3}
                  名字: {value: 4}
                  a-b: {value: 5}
            """));
    try (CompiledSources compiled = compile(API + """
        types:
          Kind:
            enum: string
            values:
              CLASS: {value: class}
              DEFAULT: {value: default}
              NULL: {value: "null"}
        """, work)) {
      Class<?> kind = compiled.load("dev.demo.model.Kind");
      Object constant = kind.getField("CLASS").get(null);
      assertEquals("class", Reflect.call(constant, "value"));
      assertEquals(constant, Reflect.call(kind, "of", "class"));
      assertEquals("NULL", Reflect.call(Reflect.call(kind, "of", "null"), "constantName"));
    }
  }

  @Test
  void asGroupNamesTheyBecomeLegalAccessorsAndClasses(@TempDir Path work) throws Throwable {
    row(1);
    try (CompiledSources compiled = compile(API + """
        groups:
          class: {prefix: /v1/, endpoints: [{path: /v1/a}]}
          default: {prefix: /v2/, endpoints: [{path: /v2/a}]}
          123abc: {prefix: /v3/, endpoints: [{path: /v3/a}]}
          名字: {prefix: /v4/, endpoints: [{path: /v4/a}]}
          a-b: {prefix: /v5/, endpoints: [{path: /v5/a}]}
        """, work)) {
      assertEquals(List.of("dev.demo.ABApi", "dev.demo.ClassApi", "dev.demo.DefaultApi", "dev.demo.DemoApiException",
          "dev.demo.DemoClient", "dev.demo.DemoClient$Builder", "dev.demo._123abcApi", "dev.demo.名字Api"),
          compiled.classNames());
      Class<?> clientType = compiled.load("dev.demo.DemoClient");
      Object client = Reflect.call(Reflect.call(Reflect.call(clientType, "builder"), "token", "secret"), "build");
      for (String[] accessor : new String[][] {{"class_", "ClassApi"}, {"default_", "DefaultApi"},
          {"_123abc", "_123abcApi"}, {"名字", "名字Api"}, {"aB", "ABApi"}}) {
        assertEquals("dev.demo." + accessor[1], Reflect.call(client, accessor[0]).getClass().getName());
      }
    }
  }

  @Test
  void asEndpointPathsTheyBecomeLegalMethodsOrAreRejected(@TempDir Path work) throws Throwable {
    row(2);
    try (CompiledSources compiled = compile(API + """
        groups:
          words:
            prefix: /v1/
            endpoints:
              - path: /v1/class
              - path: /v1/default
              - path: /v1/123abc
              - path: /v1/a-b
        """, work)) {
      Class<?> words = compiled.load("dev.demo.WordsApi");
      assertEquals(List.of("_123abc", "_123abcAsync", "aB", "aBAsync", "class_", "class_Async", "default_",
              "default_Async"),
          Arrays.stream(words.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers()))
              .map(Method::getName).sorted().toList());
    }
    // A path is sent as written, so it holds only what a URL path may hold; a name is set with 'name'.
    assertEquals(List.of("spec.yaml:13:15: path '/v1/名字' has characters a path may not hold (spaces, '?', '#', …)"),
        SpecProblems.of(API + """
            groups:
              words:
                prefix: /v1/
                endpoints:
                  - path: /v1/名字
            """));
  }

  @Test
  void asJavaNamesAndEndpointNamesKeywordsAreRejected() {
    row(1);
    assertEquals(List.of(
            "spec.yaml:12:7: 'javaName' 'class' of field 'kind' is not a legal Java name",
            "spec.yaml:13:7: 'javaName' '123abc' of field 'count' is not a legal Java name",
            "spec.yaml:18:29: 'name' 'default' is not a legal Java method name",
            "spec.yaml:19:29: 'name' 'a-b' is not a legal Java method name"),
        SpecProblems.of(API + """
            types:
              Names:
                fields:
                  kind: {type: string, javaName: class}
                  count: {type: int32, javaName: 123abc}
            groups:
              words:
                prefix: /v1/
                endpoints:
                  - {path: /v1/a, name: default}
                  - {path: /v1/b, name: a-b}
            """));
  }

  /** Each of these was accepted, and generated code that did not compile or that lost a group. */
  @Test
  void legalNamesThatWouldClashWithTheGeneratedCodeAreRejected() {
    row(1);
    assertEquals(List.of(
            "spec.yaml:2:3: api 'package' 'dev.de\u00admo' is not a Java package name",
            "spec.yaml:2:3: auth 'header' 'Base-Uri' would become the builder method 'baseUri(String)', which the"
                + " builder has already for another setting",
            "spec.yaml:12:7: field 'a' of type 'Names' would be named 'Objects', which generated records reserve;"
                + " choose another 'javaName'",
            "spec.yaml:13:7: field 'b' of type 'Names' would be named 'Map', which generated records reserve;"
                + " choose another 'javaName'",
            "spec.yaml:14:7: field 'c' of type 'Names' would be named 'Collections', which generated records"
                + " reserve; choose another 'javaName'",
            "spec.yaml:20:29: 'name' 'a\u00adb' is not a legal Java method name",
            "spec.yaml:21:3: groups 'ßa' and 'SSa' both become the class 'SSaApi'; rename one"),
        SpecProblems.of(API.replace("header: token", "header: Base-Uri").replace("dev.demo", "dev.de\u00admo") + """
            types:
              Names:
                fields:
                  a: {type: string, required: true, javaName: Objects}
                  b: {type: string, javaName: Map}
                  c: {type: string, javaName: Collections}
            groups:
              ßa:
                prefix: /v1/
                endpoints:
                  - {path: /v1/ab}
                  - {path: /v1/b, name: "a\\u00adb"}
              SSa:
                prefix: /v2/
                endpoints: [{path: /v2/a}]
            """));
  }
}

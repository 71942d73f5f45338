package dev.apispec.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.palantir.javapoet.JavaFile;
import dev.apispec.codegen.Codegen;
import dev.apispec.codegen.CompiledSources;
import dev.apispec.codegen.Reflect;
import dev.apispec.codegen.ReliabilityAreas;
import dev.apispec.runtime.testing.Reliability;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spec text ends up in Javadoc, string literals and annotations. Whatever it holds, the generated code
 * compiles (with Javadoc checked by doclint), means what the spec says, and contains no code the spec
 * smuggled in.
 */
class JavadocEscapingTest {
  @RegisterExtension
  static final Reliability FIGURES = Reliability.forClass(JavadocEscapingTest.class);

  /**
   * Every kind of documentation the format has, each holding something that would break or inject code
   * if copied verbatim: a comment end, a unicode escape javac reads as a line break, JavaPoet's
   * placeholders, Javadoc tags, HTML, and backslashes.
   */
  private static final String HOSTILE_SPEC = """
      api:
        name: Hostile
        package: dev.example.hostile
        baseUrl: https://hostile.example.com
        doc: "The API */ class EvilApi {} /* of $S and $L."
        auth:
          header: token
          doc: |
            A token such as 'a*/b'.
            @param token stolen
        json:
          envelope: {code: code, message: msg, data: data, success: 1}
      types:
        Note:
          doc: |
            */ class Evil {} /*
            Line one \\u000a class EvilTwo {} and \\u002a\\u002f too.
            Paths like C:\\dir\\ and a trailing backslash \\
            @param hacked injected
            <b>bold</b> <script>alert(1)</script> {@code x} {@link Nope} & &amp; $T $N $$ 100%
          fields:
            text:
              type: string
              required: true
              doc: "*/ @Deprecated int evil; /* {@inheritDoc} <p"
              example: "*/ \\\\ \\" $S"
            say "hi"\\:
              type: string
              doc: A wire name with a quote and a backslash.
            mood:
              type: Mood
        Mood:
          doc: "*/"
          enum: string
          values:
            HAPPY:
              value: "*/ \\" \\\\ $L"
              doc: "@return nothing */"
            SAD:
              value: sad
      groups:
        notes:
          doc: "/** */ class EvilGroup {} /**"
          prefix: /v1/notes/
          endpoints:
            - path: /v1/notes/pay$
              name: pay
              doc: "{@code */} @throws Evil @see <a href=\\"x\\">x</a>"
              request: {json: Note}
              errors:
                - code: -1
                  message: "*/ 失败 \\\\u000a"
                  doc: "*/ @deprecated"
      """;

  @Test
  void hostileDocumentationCompilesCleanlyAndInjectsNothing(@TempDir Path work) throws Throwable {
    FIGURES.row(ReliabilityAreas.HOSTILE_SPECS, "documentation text in every doc position",
        "specs generated, compiled (doclint) and loaded").tried(1);
    List<JavaFile> files = Codegen.generateFromText("hostile.yaml", HOSTILE_SPEC, null);
    try (CompiledSources compiled = CompiledSources.compile(files, work, "-Xdoclint:all,-missing")) {
      assertEquals(List.of(
              "dev.example.hostile.HostileApiException",
              "dev.example.hostile.HostileClient",
              "dev.example.hostile.HostileClient$Builder",
              "dev.example.hostile.NotesApi",
              "dev.example.hostile.model.Mood",
              "dev.example.hostile.model.Note"),
          compiled.classNames(), "no class Evil of any kind");

      String note = compiled.source("dev.example.hostile.model.Note");
      assertTrue(note.contains(" * *&#47; class Evil &#123;&#125; /*\n"), note);
      assertTrue(note.contains("Line one &#92;u000a class EvilTwo &#123;&#125; and &#92;u002a&#92;u002f too."), note);
      assertTrue(note.contains("Paths like C:&#92;dir&#92; and a trailing backslash &#92;\n"), note);
      assertTrue(note.contains(" * &#64;param hacked injected\n"), note);
      assertTrue(note.contains("&lt;b&gt;bold&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt; &#123;&#64;code x&#125;"
          + " &#123;&#64;link Nope&#125; &amp; &amp;amp; $T $N $$ 100%"), note);
      assertFalse(note.contains("@Deprecated"), "a doc cannot add annotations");
      assertFalse(compiled.source("dev.example.hostile.NotesApi").contains("@Deprecated"));

      // The spec's strings are still exactly what the server speaks.
      Class<?> noteType = compiled.load("dev.example.hostile.model.Note");
      Class<?> moodType = compiled.load("dev.example.hostile.model.Mood");
      Object happy = moodType.getField("HAPPY").get(null);
      assertEquals("*/ \" \\ $L", Reflect.call(happy, "value"));
      Object value = Reflect.construct(noteType, "*/", "q", happy);
      assertEquals("{\"text\":\"*/\",\"say \\\"hi\\\"\\\\\":\"q\",\"mood\":\"*/ \\\" \\\\ $L\"}",
          new ObjectMapper().writeValueAsString(value));
    }
  }

  /**
   * The same text in every place documentation can stand: api, auth, object type, field, example, enum type, enum
   * value, group, endpoint, error message and error doc. Each place shows it escaped (a group's doc twice: on its
   * class and on the client's accessor), and nowhere as written.
   */
  @ParameterizedTest
  @ValueSource(strings = {
    "*/ class Evil {} /*",
    "$S $L $T $N $$ $ 100% $",
    "\\u000a class Evil {} \\u002a\\u002f",
    "C:\\dir\\ and a trailing backslash \\",
    "<script>alert(1)</script> <b>bold</b> &amp; <!-- c --> </p>",
    "@param x {@code y} {@link Nope} @return z\n@deprecated */"})
  void theSameTextInEveryDocPositionIsEscapedEverywhere(String text, @TempDir Path work) throws Throwable {
    FIGURES.row(ReliabilityAreas.HOSTILE_SPECS, "documentation text in every doc position",
        "specs generated, compiled (doclint) and loaded").tried(1);
    String quoted = '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    String spec = """
        api:
          name: Hostile
          package: dev.example.hostile
          baseUrl: https://hostile.example.com
          doc: @@
          auth:
            header: token
            doc: @@
          json:
            envelope: {code: code, message: msg, data: data, success: 1}
        types:
          Note:
            doc: @@
            fields:
              text:
                type: string
                doc: @@
                example: @@
          Mood:
            doc: @@
            enum: string
            values:
              HAPPY:
                value: happy
                doc: @@
        groups:
          notes:
            doc: @@
            prefix: /v1/notes/
            endpoints:
              - path: /v1/notes/add
                doc: @@
                request: {json: Note}
                errors:
                  - code: -1
                    message: @@
                    doc: @@
        """.replace("@@", quoted);
    List<JavaFile> files = Codegen.generateFromText("hostile.yaml", spec, null);
    try (CompiledSources compiled = CompiledSources.compile(files, work, "-Xdoclint:all,-missing")) {
      List<String> classes = List.of(
          "dev.example.hostile.HostileApiException",
          "dev.example.hostile.HostileClient",
          "dev.example.hostile.HostileClient$Builder",
          "dev.example.hostile.NotesApi",
          "dev.example.hostile.model.Mood",
          "dev.example.hostile.model.Note");
      assertEquals(classes, compiled.classNames(), "no class Evil of any kind");
      String escaped = Javadoc.escape(text).lines().findFirst().orElseThrow();
      int shown = 0;
      for (String name : classes) {
        compiled.load(name);
        if (!name.contains("$")) {
          String source = compiled.source(name);
          shown += source.split(Pattern.quote(escaped), -1).length - 1;
          String raw = text.lines().findFirst().orElseThrow();
          assertFalse(!raw.equals(escaped) && source.contains(raw), "unescaped in " + name + ":\n" + source);
          assertFalse(source.contains("@deprecated") || source.contains("@Deprecated"), source);
        }
      }
      assertEquals(12, shown, "places the text is shown in");
      Class<?> note = compiled.load("dev.example.hostile.model.Note");
      assertEquals("{\"text\":\"x\"}", new ObjectMapper().writeValueAsString(Reflect.construct(note, "x")));
    }
  }
}

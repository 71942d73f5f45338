package dev.apispec.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.palantir.javapoet.JavaFile;
import dev.apispec.codegen.Codegen;
import dev.apispec.codegen.CompiledSources;
import dev.apispec.codegen.Reflect;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spec text ends up in Javadoc, string literals and annotations. Whatever it holds, the generated code
 * compiles (with Javadoc checked by doclint), means what the spec says, and contains no code the spec
 * smuggled in.
 */
class JavadocEscapingTest {
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
}

package dev.apispec.codegen.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apispec.codegen.Codegen;
import dev.apispec.codegen.CompiledSources;
import dev.apispec.codegen.TestProtos;
import dev.apispec.runtime.Calls;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The methods a page declares are the generated ones, parameter names included: the spec of every shape is
 * generated, compiled with {@code -parameters} and read back by reflection.
 */
class SignaturesMatchTheClientTest {
  @TempDir
  Path work;

  @Test
  void everyPageDeclaresItsGroupClassMethodsExactly() throws Exception {
    Map<String, String> pages = ApiReferenceTest.pages();
    try (CompiledSources compiled = CompiledSources.compile(
        Codegen.generateFromText("docs.yaml", ApiReferenceTest.SPEC, TestProtos.catalog()), work, "-parameters")) {
      for (String group : List.of("Chat", "Files", "WebChat")) {
        Class<?> api = compiled.load("dev.example.docs." + group + "Api");
        List<String> declared = Arrays.stream(api.getDeclaredMethods())
            .filter(m -> m.isAnnotationPresent(Calls.class))
            .map(SignaturesMatchTheClientTest::declaration)
            .sorted()
            .toList();
        String page = pages.get(group.replaceAll("(?<=.)([A-Z])", "-$1").toLowerCase() + ".md");
        assertEquals(declared, declarations(page), group);
      }
    }
  }

  private static List<String> declarations(String page) {
    List<String> lines = new ArrayList<>();
    Matcher block = Pattern.compile("```java\n(.*?)\n```", Pattern.DOTALL).matcher(page);
    while (block.find()) {
      lines.addAll(List.of(block.group(1).split("\n")));
    }
    lines.sort(null);
    return lines;
  }

  private static String declaration(Method method) {
    String parameters = Arrays.stream(method.getParameters())
        .map(p -> simple(p.getParameterizedType()) + " " + p.getName())
        .collect(Collectors.joining(", "));
    return (method.isAnnotationPresent(Deprecated.class) ? "@Deprecated " : "") + simple(method.getGenericReturnType())
        + " " + method.getName() + "(" + parameters + ")";
  }

  private static String simple(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      return simple(parameterized.getRawType()) + Arrays.stream(parameterized.getActualTypeArguments())
          .map(SignaturesMatchTheClientTest::simple).collect(Collectors.joining(", ", "<", ">"));
    }
    Class<?> raw = (Class<?>) type;
    if (raw.isArray()) {
      return simple(raw.getComponentType()) + "[]";
    }
    return raw.getEnclosingClass() == null ? raw.getSimpleName()
        : simple(raw.getEnclosingClass()) + "." + raw.getSimpleName();
  }
}

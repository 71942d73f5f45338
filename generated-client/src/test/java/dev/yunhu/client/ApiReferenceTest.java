package dev.yunhu.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.apispec.runtime.Calls;
import java.io.IOException;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Yunhu API reference kept in docs/api is the one the docs goal writes from the current spec (so that a spec
 * change shows up in review as a change of the reference), and its Java signatures are the client's methods.
 */
class ApiReferenceTest {
  static final String REFRESH = "mvn -pl generated-client generate-resources -Dapispec.docs.outputDirectory=../docs/api";

  private static final Path GENERATED = Path.of(System.getProperty("apispec.docs.generated", "target/apispec-docs"));
  private static final Path REFERENCE = Path.of(System.getProperty("apispec.docs.reference", "../docs/api"));

  @Test
  void docsApiIsTheReferenceOfTheCurrentSpec() throws IOException {
    Set<String> generated = pages(GENERATED);
    Set<String> kept = pages(REFERENCE);
    List<String> stale = new ArrayList<>();
    for (String page : generated) {
      if (!kept.contains(page)) {
        stale.add(page + " is missing");
      } else {
        String difference = firstDifference(Files.readString(REFERENCE.resolve(page), StandardCharsets.UTF_8),
            Files.readString(GENERATED.resolve(page), StandardCharsets.UTF_8));
        if (difference != null) {
          stale.add(page + " differs at " + difference);
        }
      }
    }
    kept.stream().filter(page -> !generated.contains(page)).forEach(page -> stale.add(page + " is of no group"));
    if (!stale.isEmpty()) {
      fail("docs/api is not the reference of the current spec:\n  " + String.join("\n  ", stale)
          + "\nRefresh it (after mvn -B install -DskipTests) with:\n  " + REFRESH + "\nand commit it with the spec.");
    }
  }

  /** Each page's {@code java} block holds the declarations of its group class's methods, in the class's order. */
  @Test
  void theSignaturesOfThePagesAreTheClientsMethods() throws Exception {
    int checked = 0;
    for (Method accessor : YunhuClient.class.getDeclaredMethods()) {
      if (!Modifier.isPublic(accessor.getModifiers()) || !accessor.getReturnType().getSimpleName().endsWith("Api")
          || accessor.getParameterCount() > 0) {
        continue;
      }
      Class<?> group = accessor.getReturnType();
      String page = Files.readString(GENERATED.resolve(pageOf(accessor.getName())), StandardCharsets.UTF_8);
      List<String> documented = new ArrayList<>();
      Matcher block = Pattern.compile("```java\n(.*?)\n```", Pattern.DOTALL).matcher(page);
      while (block.find()) {
        Arrays.stream(block.group(1).split("\n")).map(ApiReferenceTest::withoutParameterNames)
            .forEach(documented::add);
      }
      List<String> declared = Arrays.stream(group.getDeclaredMethods())
          .filter(m -> m.isAnnotationPresent(Calls.class))
          .map(ApiReferenceTest::declaration)
          .sorted()
          .toList();
      assertEquals(declared, documented.stream().sorted().toList(), group.getSimpleName());
      checked += declared.size();
    }
    assertTrue(checked > 40, "only " + checked + " methods were compared");
  }

  /** The page of an accessor: pages are named after their group, whose accessor is its name in lower camel case. */
  private static String pageOf(String accessor) throws IOException {
    for (String page : pages(GENERATED)) {
      if (page.replace("-", "").replace(".md", "").equalsIgnoreCase(accessor)) {
        return page;
      }
    }
    throw new AssertionError("no page of " + accessor + "() in " + pages(GENERATED));
  }

  /** {@code Page list(String chatId, int page)} as {@code Page list(String, int)}. */
  private static String withoutParameterNames(String declaration) {
    int open = declaration.indexOf('(');
    String parameters = declaration.substring(open + 1, declaration.length() - 1);
    if (parameters.isEmpty()) {
      return declaration;
    }
    List<String> types = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : parameters.toCharArray()) {
      depth += c == '<' ? 1 : c == '>' ? -1 : 0;
      if (c == ',' && depth == 0) {
        types.add(current.toString().strip());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    types.add(current.toString().strip());
    return declaration.substring(0, open + 1)
        + types.stream().map(p -> p.substring(0, p.lastIndexOf(' '))).collect(Collectors.joining(", ")) + ")";
  }

  private static String declaration(Method method) {
    String parameters = Arrays.stream(method.getGenericParameterTypes()).map(ApiReferenceTest::simple)
        .collect(Collectors.joining(", "));
    return (method.isAnnotationPresent(Deprecated.class) ? "@Deprecated " : "") + simple(method.getGenericReturnType())
        + " " + method.getName() + "(" + parameters + ")";
  }

  private static String simple(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      return simple(parameterized.getRawType()) + Arrays.stream(parameterized.getActualTypeArguments())
          .map(ApiReferenceTest::simple).collect(Collectors.joining(", ", "<", ">"));
    }
    if (type instanceof GenericArrayType array) {
      return simple(array.getGenericComponentType()) + "[]";
    }
    Class<?> type1 = (Class<?>) type;
    if (type1.isArray()) {
      return simple(type1.getComponentType()) + "[]";
    }
    // a nested class with its outer one, as the reference writes it
    return type1.getEnclosingClass() == null ? type1.getSimpleName()
        : simple(type1.getEnclosingClass()) + "." + type1.getSimpleName();
  }

  private static Set<String> pages(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new AssertionError(folder + " does not exist; run the tests with Maven, whose docs goal writes it");
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /** Where two texts first differ, as {@code line N}, or {@code null} when they are the same. */
  private static String firstDifference(String kept, String generated) {
    if (kept.equals(generated)) {
      return null;
    }
    String[] a = kept.split("\n", -1);
    String[] b = generated.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String left = i < a.length ? a[i] : "(end of file)";
      String right = i < b.length ? b[i] : "(end of file)";
      if (!left.equals(right)) {
        return "line " + (i + 1) + ":\n      kept:      " + left + "\n      generated: " + right;
      }
    }
    return "its line ends";
  }
}

package dev.apispec.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the plugin jar tells Maven and Eclipse m2e, read from the class path (the jar's contents, made before the
 * tests run): the m2e lifecycle mapping covers every goal, and each goal has a skip property of its own.
 */
class PluginDescriptorTest {
  /** Goals that serve until stopped: run from the command line only. */
  private static final List<String> COMMAND_LINE_GOALS = List.of("mock", "record");
  /** Checks of a whole build against a baseline: an IDE's incremental build leaves them out. */
  private static final List<String> RELEASE_CHECK_GOALS = List.of("compat");

  private static Document read(String resource) throws Exception {
    try (InputStream in = PluginDescriptorTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertNotNull(in, resource + " is not on the class path");
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(in);
    }
  }

  private static List<String> texts(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent().strip());
    }
    return texts;
  }

  /** Each goal's configuration: parameter name to its expression, such as ${apispec.skip}. */
  private static Map<String, Map<String, String>> goals() throws Exception {
    Map<String, Map<String, String>> goals = new LinkedHashMap<>();
    NodeList mojos = read("META-INF/maven/plugin.xml").getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      Element mojo = (Element) mojos.item(i);
      Map<String, String> expressions = new LinkedHashMap<>();
      Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
      NodeList parameters = configuration.getChildNodes();
      for (int j = 0; j < parameters.getLength(); j++) {
        if (parameters.item(j) instanceof Element parameter) {
          expressions.put(parameter.getTagName(), parameter.getTextContent().strip());
        }
      }
      goals.put(texts(mojo, "goal").get(0), expressions);
    }
    return goals;
  }

  @Test
  void theM2eLifecycleMappingRunsEveryGoalOnIncrementalBuildsAndConfigurationChanges() throws Exception {
    Element metadata = read("META-INF/m2e/lifecycle-mapping-metadata.xml").getDocumentElement();

    // the goals a build runs; mock and record are run from the command line, never by an IDE's build
    List<String> buildGoals = goals().keySet().stream()
        .filter(g -> !COMMAND_LINE_GOALS.contains(g) && !RELEASE_CHECK_GOALS.contains(g)).toList();
    assertEquals(List.of("docs", "generate", "openapi"), buildGoals);
    List<String> mapped = new java.util.ArrayList<>(buildGoals);
    mapped.addAll(RELEASE_CHECK_GOALS);
    assertEquals(mapped, texts(metadata, "goal"));
    assertEquals(1, metadata.getElementsByTagName("ignore").getLength(), "compat is ignored by m2e");
    assertEquals(List.of("true"), texts(metadata, "runOnIncremental"));
    assertEquals(List.of("true"), texts(metadata, "runOnConfiguration"));
  }

  @Test
  void eachGoalHasASkipPropertyOfItsOwnAndApispecSkipSkipsThemAll() throws Exception {
    Map<String, Map<String, String>> goals = goals();

    assertEquals(List.of("compat", "docs", "generate", "mock", "openapi", "record"), List.copyOf(goals.keySet()));
    goals.forEach((goal, expressions) -> {
      assertEquals("${apispec." + goal + ".skip}", expressions.get("skip"), goal);
      assertEquals("${apispec.skip}", expressions.get("skipAll"), goal);
    });
  }
}

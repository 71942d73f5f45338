package dev.apispec.codegen.spec;

import dev.apispec.codegen.diagnostics.Problem;
import dev.apispec.codegen.diagnostics.Problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apispec.codegen.model.Spec;
import dev.apispec.codegen.model.TypeDef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec of many files is parsed on several threads; what it means, and every problem, must come out as if the
 * files had been read one after the other in name order.
 */
class SpecFolderTest {
  private static final int FILES = 60;

  @TempDir
  Path folder;

  @Test
  void manyFilesReadAsOneSpecInNameOrderWithEveryProblemInItsFile() throws IOException {
    Files.writeString(folder.resolve("api.yaml"), """
        api:
          name: Demo
          package: dev.demo
          baseUrl: https://api.example.com
          auth: {header: token}
        """);
    List<String> expectedTypes = new ArrayList<>();
    List<String> expectedProblems = new ArrayList<>();
    for (int i = 0; i < FILES; i++) {
      String name = String.format("part-%03d.yaml", i);
      String yaml;
      if (i % 20 == 7) {
        yaml = "types:\n  Broken" + i + ":\n    fields:\n     - not: [closed\n";
        expectedProblems.add(name + ":5:1: not valid YAML");
      } else if (i % 20 == 13) {
        yaml = "types:\n  Dup" + i + ":\n    fields:\n      a: {type: string}\n      a: {type: int32}\n";
        expectedTypes.add("Dup" + i);
        expectedProblems.add(name + ":5:7: ");
      } else {
        yaml = "types:\n  Type" + i + ":\n    doc: Number " + i + ".\n    fields:\n      n: {type: int32}\n";
        expectedTypes.add("Type" + i);
      }
      Files.writeString(folder.resolve(name), yaml);
    }

    Problems problems = new Problems();
    Spec spec = SpecReader.read(folder, folder, problems);

    assertEquals("Demo", spec.api().name());
    assertEquals(expectedTypes, spec.types().stream().map(TypeDef::name).toList());
    assertEquals("Number 42.", spec.types().stream().filter(t -> t.name().equals("Type42")).findFirst().orElseThrow()
        .doc());
    assertTrue(spec.typesIncomplete(), "a file that could not be parsed may have held types");
    List<String> found = problems.sorted().stream().map(Problem::toString).toList();
    assertEquals(expectedProblems.size(), found.size(), found.toString());
    for (int i = 0; i < found.size(); i++) {
      assertTrue(found.get(i).startsWith(expectedProblems.get(i)), found.get(i) + " should start with "
          + expectedProblems.get(i));
    }
  }

  @Test
  void linksThatLeadNowhereOrRoundInALoopAreReportedNotSkipped() throws IOException {
    Files.writeString(folder.resolve("api.yaml"), "api: {name: Demo, package: dev.demo, baseUrl: https://a.example,"
        + " auth: {header: token}}\n");
    Files.createSymbolicLink(folder.resolve("loop-a.yaml"), folder.resolve("loop-b.yaml"));
    Files.createSymbolicLink(folder.resolve("loop-b.yaml"), folder.resolve("loop-a.yaml"));
    Files.createSymbolicLink(folder.resolve("gone.yml"), folder.resolve("missing.yaml"));

    Problems problems = new Problems();
    SpecReader.read(folder, folder, problems);

    assertEquals(List.of(
            "gone.yml:1:1: the link points to '" + folder.resolve("missing.yaml") + "', which does not exist; fix or"
                + " remove the link",
            "loop-a.yaml:1:1: the link leads round in a loop of links; make it point to a spec file",
            "loop-b.yaml:1:1: the link leads round in a loop of links; make it point to a spec file"),
        problems.sorted().stream().map(Problem::toString).toList());
  }
}

package dev.apispec.codegen.spec;

import dev.apispec.codegen.diagnostics.Location;
import dev.apispec.codegen.diagnostics.Problems;
import dev.apispec.codegen.diagnostics.SpecException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProblemsTest {
  @Test
  void aFloodOfProblemsIsCutAndCounted() {
    StringBuilder yaml = new StringBuilder("types:\n  T:\n    fields:\n");
    for (int i = 0; i < 800; i++) {
      yaml.append("      f").append(i).append(":\n        type: Missing").append(i).append('\n');
    }
    Problems problems = new Problems();
    dev.apispec.codegen.validate.SpecValidator.validate(
        SpecReader.readText("flood.yaml", yaml.toString(), problems), null, problems);

    SpecException e = assertThrows(SpecException.class, problems::throwIfAny);

    assertEquals(Problems.MAX_KEPT, e.problems().size());
    // 800 unknown types, the missing 'api' and more fields than a record takes, less the 500 kept
    assertEquals(302, e.omitted());
    assertTrue(e.getMessage().startsWith("The spec has 802 problems:\n"), e.getMessage().substring(0, 60));
    assertTrue(e.getMessage().endsWith("\n  … and 302 more; fix the ones above and run again"));
  }

  @Test
  void fewProblemsAreAllShown() {
    Problems problems = new Problems();
    problems.add(new Location("a.yaml", 2, 3), "second");
    problems.add(new Location("a.yaml", 1, 5), "first");

    SpecException e = assertThrows(SpecException.class, problems::throwIfAny);

    assertEquals(0, e.omitted());
    assertEquals("The spec has 2 problems:\n  a.yaml:1:5: first\n  a.yaml:2:3: second", e.getMessage());
  }

  @Test
  void problemsAddedFromAnotherCollectionKeepTheirOrderTheLimitAndTheCountOfTheRest() {
    Problems file = new Problems();
    for (int i = 1; i <= Problems.MAX_KEPT + 40; i++) {
      file.add(new Location("b.yaml", i, 1), "problem " + i);
    }
    Problems all = new Problems();
    all.add(new Location("a.yaml", 1, 1), "first");
    all.addAll(file);

    SpecException e = assertThrows(SpecException.class, all::throwIfAny);

    assertEquals(Problems.MAX_KEPT, e.problems().size());
    assertEquals("a.yaml:1:1: first", e.problems().get(0).toString());
    assertEquals("b.yaml:499:1: problem 499", e.problems().get(Problems.MAX_KEPT - 1).toString());
    assertEquals(41, e.omitted()); // the 40 the file itself left out, and the one that no longer fits
  }
}

package dev.apispec.codegen.changes;

import dev.apispec.codegen.compat.Change;
import dev.apispec.codegen.compat.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The changes found, judged by the build's settings: those of a kind it fails on and not accepted fail it; an
 * accepted id that matches no change is stale, and said so, as it no longer accepts anything.
 *
 * @param baseline what the spec was compared with, for the reports' headings
 * @param accepted the reason of each accepted change, by id
 */
public record Verdict(String baseline, List<Change> changes, Set<Kind> failOn, Map<String, String> accepted) {

  public Verdict {
    changes = List.copyOf(changes);
    failOn = Set.copyOf(failOn);
    accepted = new LinkedHashMap<>(accepted);
  }

  public boolean isAccepted(Change change) {
    return accepted.containsKey(change.id());
  }

  public String reason(Change change) {
    return accepted.get(change.id());
  }

  public boolean fails(Change change) {
    return change.isAny(failOn) && !isAccepted(change);
  }

  public List<Change> failing() {
    return changes.stream().filter(this::fails).toList();
  }

  public long count(Kind kind) {
    return changes.stream().filter(change -> change.is(kind)).count();
  }

  /** The accepted ids that no change has. */
  public List<String> staleAccepted() {
    List<String> stale = new ArrayList<>(accepted.keySet());
    changes.forEach(change -> stale.remove(change.id()));
    return stale;
  }
}

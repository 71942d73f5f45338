package dev.apispec.codegen.compat;

import dev.apispec.codegen.diagnostics.Location;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The changes found so far, each once: a second finding of the same id is the same change. */
final class Changes {
  private final Map<String, Change> byId = new LinkedHashMap<>();

  /** A change of the given kinds; none given, or none of them breaking, makes it safe. */
  void add(String id, Location location, String sentence, Set<Kind> kinds) {
    Set<Kind> actual = kinds.isEmpty() ? EnumSet.of(Kind.SAFE) : kinds;
    byId.putIfAbsent(id, new Change(id, actual, location, sentence));
  }

  void wire(String id, Location location, String sentence) {
    add(id, location, sentence, EnumSet.of(Kind.WIRE));
  }

  void source(String id, Location location, String sentence) {
    add(id, location, sentence, EnumSet.of(Kind.SOURCE));
  }

  void both(String id, Location location, String sentence) {
    add(id, location, sentence, EnumSet.of(Kind.WIRE, Kind.SOURCE));
  }

  void safe(String id, Location location, String sentence) {
    add(id, location, sentence, EnumSet.of(Kind.SAFE));
  }

  /** The kinds a change has when each flag says whether it is of that kind. */
  static Set<Kind> kinds(boolean wire, boolean source) {
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    if (wire) {
      kinds.add(Kind.WIRE);
    }
    if (source) {
      kinds.add(Kind.SOURCE);
    }
    return kinds;
  }

  List<Change> list() {
    return new ArrayList<>(byId.values());
  }
}

package dev.apispec.codegen.compat;

import dev.apispec.codegen.diagnostics.Location;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One change between a baseline spec and the current one.
 *
 * @param id stable across runs, such as {@code endpoint-removed:POST /v1/x}, so that an accepted change can be
 *     listed by it
 * @param kinds {@link Kind#SAFE} alone, or one or both of {@link Kind#WIRE} and {@link Kind#SOURCE}
 * @param location where the change is in the current spec, or in the baseline for a removal
 * @param sentence what changed and what it does, in plain words
 */
public record Change(String id, Set<Kind> kinds, Location location, String sentence) {

  public Change {
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("a change has at least one kind: " + id);
    }
    if (kinds.contains(Kind.SAFE) && kinds.size() > 1) {
      throw new IllegalArgumentException("a safe change breaks nothing: " + id);
    }
    kinds = Collections.unmodifiableSet(EnumSet.copyOf(kinds));
  }

  public boolean is(Kind kind) {
    return kinds.contains(kind);
  }

  /** Whether this change is of one of {@code failOn}'s kinds. */
  public boolean isAny(Set<Kind> failOn) {
    return kinds.stream().anyMatch(failOn::contains);
  }

  /** The part of the id before its first colon, such as {@code endpoint-removed}. */
  public String type() {
    int colon = id.indexOf(':');
    return colon < 0 ? id : id.substring(0, colon);
  }

  /** {@code wire, source}, as the reports write the kinds. */
  public String kindLabels() {
    return kinds.stream().map(Kind::label).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return location + ": [" + kindLabels() + "] " + sentence + " (" + id + ")";
  }
}

package dev.apispec.codegen.model;

import java.util.List;
import java.util.Set;

/**
 * A whole spec, as read from its files, before validation.
 *
 * @param unreadableTypes types that are declared but could not be read (their problems are reported)
 * @param typesIncomplete whether a file or a 'types' section could not be read at all, so that any type may
 *     be missing from {@code types}
 */
public record Spec(
    ApiInfo api, List<TypeDef> types, List<GroupDef> groups, Set<String> unreadableTypes,
    boolean typesIncomplete) {

  /**
   * Whether {@code typeName} may be a type whose declaration could not be read. A reference to it is then not
   * reported as unknown: the declaration's own problem says what to fix.
   */
  public boolean mayBeUnread(String typeName) {
    return typesIncomplete || unreadableTypes.contains(typeName);
  }
}

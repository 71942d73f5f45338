package dev.apispec.codegen.compat;

import dev.apispec.codegen.model.Spec;
import dev.apispec.codegen.proto.ProtoCatalog;
import java.util.List;

/**
 * Compares a spec (and the protobuf messages it names) with a baseline, and says what each change does: to the
 * wire between clients and servers of the two, to the source of code that uses the generated client, or nothing.
 * JSON is judged by wire names and types, protobuf by field numbers, Java by the names the generator gives.
 */
public final class SpecDiff {
  private SpecDiff() {}

  /**
   * Every change, each once: the API's settings first, then the endpoints, the types and the protobuf messages,
   * each in baseline order, additions after.
   *
   * @param baselineProtos the baseline's descriptor set, or {@code null} when it has no protobuf endpoints
   * @param currentProtos the current descriptor set, or {@code null} likewise
   */
  public static List<Change> compare(Spec baseline, ProtoCatalog baselineProtos, Spec current,
      ProtoCatalog currentProtos) {
    Side before = new Side(baseline, baselineProtos);
    Side after = new Side(current, currentProtos);
    Changes changes = new Changes();
    JsonShapes shapes = new JsonShapes(before, after);
    MessageDiff messages = new MessageDiff(before, after, changes);
    new ApiDiff(before, after, changes).compare();
    new EndpointDiff(before, after, shapes, messages.wire(), changes).compare();
    new TypeDiff(before, after, shapes, changes).compare();
    messages.compare();
    return changes.list();
  }
}

package dev.apispec.codegen.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.apispec.codegen.compat.Change;
import dev.apispec.codegen.compat.Kind;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The changes as JSON for tools: each with its id, kinds, location, sentence, and whether it fails the build. */
public final class JsonReport {
  private JsonReport() {}

  public static String write(Verdict verdict) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("baseline", verdict.baseline());
    root.put("failOn", Arrays.stream(Kind.values()).filter(verdict.failOn()::contains).map(Kind::label).toList());
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Kind kind : Kind.values()) {
      counts.put(kind.label(), verdict.count(kind));
    }
    root.put("counts", counts);
    root.put("failed", !verdict.failing().isEmpty());
    List<Map<String, Object>> changes = new ArrayList<>();
    for (Change change : verdict.changes()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", change.id());
      item.put("kinds", change.kinds().stream().map(Kind::label).toList());
      item.put("file", change.location().file());
      item.put("line", change.location().line());
      item.put("column", change.location().column());
      item.put("sentence", change.sentence());
      item.put("fails", verdict.fails(change));
      if (verdict.isAccepted(change)) {
        item.put("accepted", verdict.reason(change) == null ? "" : verdict.reason(change));
      }
      changes.add(item);
    }
    root.put("changes", changes);
    root.put("staleAccepted", verdict.staleAccepted());
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}

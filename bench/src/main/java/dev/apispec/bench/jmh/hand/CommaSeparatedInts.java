package dev.apispec.bench.jmh.hand;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code "1,2,3"} as a list of integers, {@code ""} as the empty list. */
public final class CommaSeparatedInts extends StdDeserializer<List<Integer>> {
  private static final long serialVersionUID = 1L;

  public CommaSeparatedInts() {
    super(List.class);
  }

  @Override
  public List<Integer> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    String text = parser.getValueAsString();
    List<Integer> values = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return values;
    }
    for (String part : text.split(",")) {
      values.add(Integer.parseInt(part.strip()));
    }
    return values;
  }
}

package dev.apispec.runtime;

import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import java.util.Objects;

/**
 * How the body of a successful response is read. One of three shapes, chosen per endpoint by the
 * spec.
 *
 * @param <T> the type of the decoded value
 */
public sealed interface ResponseFormat<T>
    permits ResponseFormat.JsonData, ResponseFormat.JsonNoData, ResponseFormat.Protobuf {

  /** A JSON envelope whose data property is decoded as {@code type}. */
  static <T> ResponseFormat<T> jsonData(Class<T> type) {
    return new JsonData<>(type);
  }

  /** A JSON envelope whose data, if any, is not read: only its code is checked. */
  static ResponseFormat<Void> jsonNoData() {
    return JsonNoData.INSTANCE;
  }

  /** A protobuf message with a status field. */
  static <T extends MessageLite> ResponseFormat<T> protobuf(Parser<T> parser) {
    return new Protobuf<>(parser);
  }

  /** See {@link #jsonData(Class)}. */
  record JsonData<T>(Class<T> type) implements ResponseFormat<T> {
    public JsonData {
      Objects.requireNonNull(type, "type");
    }
  }

  /** See {@link #jsonNoData()}. */
  enum JsonNoData implements ResponseFormat<Void> {
    INSTANCE
  }

  /** See {@link #protobuf(Parser)}. */
  record Protobuf<T extends MessageLite>(Parser<T> parser) implements ResponseFormat<T> {
    public Protobuf {
      Objects.requireNonNull(parser, "parser");
    }
  }
}

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

  /**
   * A JSON envelope whose data property is decoded as {@code type}.
   *
   * @param type the class of the data
   * @param <T> the type of the data
   * @return the format
   */
  static <T> ResponseFormat<T> jsonData(Class<T> type) {
    return new JsonData<>(type);
  }

  /**
   * A JSON envelope whose data, if any, is not read: only its code is checked.
   *
   * @return the format
   */
  static ResponseFormat<Void> jsonNoData() {
    return JsonNoData.INSTANCE;
  }

  /**
   * A protobuf message with a status field.
   *
   * @param parser the parser of the response message
   * @param <T> the type of the message
   * @return the format
   */
  static <T extends MessageLite> ResponseFormat<T> protobuf(Parser<T> parser) {
    return new Protobuf<>(parser);
  }

  /**
   * See {@link #jsonData(Class)}.
   *
   * @param type the class of the data
   * @param <T> the type of the data
   */
  record JsonData<T>(Class<T> type) implements ResponseFormat<T> {
    /**
     * Checks the class.
     *
     * @param type see {@link #type()}
     */
    public JsonData {
      Objects.requireNonNull(type, "type");
    }
  }

  /** See {@link #jsonNoData()}. */
  enum JsonNoData implements ResponseFormat<Void> {
    /** The only instance. */
    INSTANCE
  }

  /**
   * See {@link #protobuf(Parser)}.
   *
   * @param parser the parser of the response message
   * @param <T> the type of the message
   */
  record Protobuf<T extends MessageLite>(Parser<T> parser) implements ResponseFormat<T> {
    /**
     * Checks the parser.
     *
     * @param parser see {@link #parser()}
     */
    public Protobuf {
      Objects.requireNonNull(parser, "parser");
    }
  }
}

package dev.apispec.runtime;

import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import java.util.Map;
import java.util.Objects;

/**
 * How the body of a successful response is read, chosen per endpoint by the spec. Each shape has its own
 * decoder in the transport (see {@code ResponseDecoders}).
 *
 * <p>The JSON shapes that take a {@link JsonEnvelope} use the transport's envelope
 * ({@link ApiTransport.Builder#jsonEnvelope(JsonEnvelope)}) when given {@code null}.
 *
 * @param <T> the type of the decoded value
 */
public sealed interface ResponseFormat<T>
    permits ResponseFormat.JsonData, ResponseFormat.JsonNoData, ResponseFormat.JsonNoDataIn,
        ResponseFormat.JsonCodes, ResponseFormat.JsonBody, ResponseFormat.JsonBeside, ResponseFormat.Text, ResponseFormat.Bytes,
        ResponseFormat.Protobuf {

  /**
   * The transport's JSON envelope, whose data property is decoded as {@code type}.
   *
   * @param type the class of the data
   * @param <T> the type of the decoded value
   * @return the format
   */
  static <T> ResponseFormat<T> jsonData(Class<T> type) {
    return new JsonData<>(type);
  }

  /**
   * A JSON envelope of this endpoint's own, whose data property is decoded as {@code type}.
   *
   * @param type the class of the data
   * @param envelope the endpoint's envelope
   * @param <T> the type of the decoded value
   * @return the format
   * @throws IllegalArgumentException when {@code envelope} has no data field
   */
  static <T> ResponseFormat<T> jsonData(Class<T> type, JsonEnvelope envelope) {
    return new JsonData<>(type, Objects.requireNonNull(envelope, "envelope"));
  }

  /**
   * The transport's JSON envelope, whose data, if any, is not read: only its code is checked.
   *
   * @return the format
   */
  static ResponseFormat<Void> jsonNoData() {
    return JsonNoData.INSTANCE;
  }

  /**
   * A JSON envelope of this endpoint's own, whose data, if any, is not read: only its code is checked (and
   * nothing for an envelope without a code, {@link JsonEnvelope#messageOnly(String)}).
   *
   * @param envelope the endpoint's envelope
   * @return the format
   */
  static ResponseFormat<Void> jsonNoData(JsonEnvelope envelope) {
    return new JsonNoDataIn(envelope);
  }

  /**
   * A JSON envelope whose code is the answer: a code that is a key of {@code answers} returns its value (the
   * success code too, if it is a key); any other code fails through the transport's error factory, as a
   * failure code does for {@link #jsonData(Class)}.
   *
   * @param envelope the envelope, {@code null} for the transport's; it must have a code field
   * @param answers the answer of each code
   * @param <T> the type of the decoded value
   * @return the format
   * @throws IllegalArgumentException when {@code envelope} has no code field, or {@code answers} is empty
   * @throws NullPointerException when {@code answers} holds a {@code null} key or value
   */
  static <T> ResponseFormat<T> codes(JsonEnvelope envelope, Map<Integer, T> answers) {
    return new JsonCodes<>(envelope, answers);
  }

  /**
   * JSON without an envelope: the whole body is decoded as {@code type}, and any 2xx status is a success.
   *
   * @param type the class of the body
   * @param <T> the type of the decoded value
   * @return the format
   */
  static <T> ResponseFormat<T> jsonBody(Class<T> type) {
    return new JsonBody<>(type);
  }

  /**
   * JSON whose code and message sit at the top level beside the payload's own fields, with no data property
   * ({@code {"Code":0,"Message":"ok","Version":"1.2"}}): the code is checked as for
   * {@link #jsonData(Class, JsonEnvelope)}, then the whole body is decoded as {@code type}.
   *
   * @param type the class of the body
   * @param envelope the endpoint's envelope; it must have a code field, and its data field is not read
   * @param <T> the type of the decoded value
   * @return the format
   * @throws IllegalArgumentException when {@code envelope} has no code field
   */
  static <T> ResponseFormat<T> jsonBeside(Class<T> type, JsonEnvelope envelope) {
    return new JsonBeside<>(type, envelope);
  }

  /**
   * The body as text, decoded with the charset its {@code Content-Type} names (UTF-8 when it names none).
   *
   * @param accept the {@code Accept} header sent
   * @return the format
   */
  static ResponseFormat<String> text(String accept) {
    return new Text(accept);
  }

  /**
   * The body's bytes as they came.
   *
   * @param accept the {@code Accept} header sent
   * @return the format
   */
  static ResponseFormat<byte[]> bytes(String accept) {
    return new Bytes(accept);
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
   * See {@link #jsonData(Class)} and {@link #jsonData(Class, JsonEnvelope)}.
   *
   * @param type the class of the data
   * @param envelope this endpoint's envelope, {@code null} for the transport's
   * @param <T> the type of the data
   */
  record JsonData<T>(Class<T> type, JsonEnvelope envelope) implements ResponseFormat<T> {
    /**
     * Checks the class, and that the envelope has a data field.
     *
     * @param type see {@link #type()}
     * @param envelope see {@link #envelope()}
     */
    public JsonData {
      Objects.requireNonNull(type, "type");
      if (envelope != null && !envelope.hasData()) {
        throw new IllegalArgumentException("jsonData(" + type.getSimpleName() + ") needs an envelope with a data"
            + " field; " + envelope + " has none (use jsonNoData)");
      }
    }

    /**
     * The transport's envelope.
     *
     * @param type see {@link #type()}
     */
    public JsonData(Class<T> type) {
      this(type, null);
    }
  }

  /** See {@link #jsonNoData()}. */
  enum JsonNoData implements ResponseFormat<Void> {
    /** The only instance. */
    INSTANCE
  }

  /**
   * See {@link #jsonNoData(JsonEnvelope)}.
   *
   * @param envelope this endpoint's envelope
   */
  record JsonNoDataIn(JsonEnvelope envelope) implements ResponseFormat<Void> {
    /**
     * Checks the envelope.
     *
     * @param envelope see {@link #envelope()}
     */
    public JsonNoDataIn {
      Objects.requireNonNull(envelope, "envelope");
    }
  }

  /**
   * See {@link #codes(JsonEnvelope, Map)}.
   *
   * @param envelope this endpoint's envelope, {@code null} for the transport's
   * @param answers the answer of each code
   * @param <T> the type of the answers
   */
  record JsonCodes<T>(JsonEnvelope envelope, Map<Integer, T> answers) implements ResponseFormat<T> {
    /**
     * Checks the envelope and copies the answers.
     *
     * @param envelope see {@link #envelope()}
     * @param answers see {@link #answers()}
     */
    public JsonCodes {
      if (envelope != null && !envelope.hasCode()) {
        throw new IllegalArgumentException("codes(…) needs an envelope with a code field; " + envelope + " has none");
      }
      if (answers.isEmpty()) {
        throw new IllegalArgumentException("codes(…) needs at least one answer");
      }
      answers = Map.copyOf(answers); // refuses null keys and values
    }
  }

  /**
   * See {@link #jsonBody(Class)}.
   *
   * @param type the class of the body
   * @param <T> the type of the body
   */
  record JsonBody<T>(Class<T> type) implements ResponseFormat<T> {
    /**
     * Checks it is given.
     *
     * @param type see {@link #type()}
     */
    public JsonBody {
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * See {@link #jsonBeside(Class, JsonEnvelope)}.
   *
   * @param type the class of the body
   * @param envelope this endpoint's envelope, with a code field
   * @param <T> the type of the body
   */
  record JsonBeside<T>(Class<T> type, JsonEnvelope envelope) implements ResponseFormat<T> {
    /**
     * Checks both are given, and that the envelope has a code field.
     *
     * @param type see {@link #type()}
     * @param envelope see {@link #envelope()}
     */
    public JsonBeside {
      Objects.requireNonNull(type, "type");
      if (!Objects.requireNonNull(envelope, "envelope").hasCode()) {
        throw new IllegalArgumentException("jsonBeside(" + type.getSimpleName() + ") needs an envelope with a code"
            + " field; " + envelope + " has none (use jsonBody)");
      }
    }
  }

  /**
   * See {@link #text(String)}.
   *
   * @param accept the {@code Accept} header sent
   */
  record Text(String accept) implements ResponseFormat<String> {
    /**
     * Checks it is given.
     *
     * @param accept see {@link #accept()}
     */
    public Text {
      Objects.requireNonNull(accept, "accept");
    }
  }

  /**
   * See {@link #bytes(String)}.
   *
   * @param accept the {@code Accept} header sent
   */
  record Bytes(String accept) implements ResponseFormat<byte[]> {
    /**
     * Checks it is given.
     *
     * @param accept see {@link #accept()}
     */
    public Bytes {
      Objects.requireNonNull(accept, "accept");
    }
  }

  /** See {@link #protobuf(Parser)}. */
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

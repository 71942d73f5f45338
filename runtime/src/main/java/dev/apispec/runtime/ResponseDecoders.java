package dev.apispec.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place that picks the decoder of a {@link ResponseFormat}, Retrofit-converter style, and keeps it:
 * formats are the constants of generated endpoints, few and long-lived. Shared by a transport and the ones
 * {@link ApiTransport#withCredential(String)} derives from it.
 */
final class ResponseDecoders {
  /** As in {@link ProtoRanges}: formats made at run time must not grow the cache without end. */
  private static final int MAX_CACHED = 4096;

  private final ObjectMapper mapper;
  private final JsonEnvelope defaultEnvelope;
  private final ApiErrorFactory errorFactory;
  private final ProtoStatusCheck statusCheck;
  private final String jsonContentType;
  private final String protobufContentType;
  private final ConcurrentHashMap<ResponseFormat<?>, ResponseDecoder<?>> decoders = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<JsonEnvelope, EnvelopeReader> readers = new ConcurrentHashMap<>();

  ResponseDecoders(ObjectMapper mapper, JsonEnvelope defaultEnvelope, ApiErrorFactory errorFactory,
      ProtoStatus protoStatus, String jsonContentType, String protobufContentType) {
    this.mapper = mapper;
    this.defaultEnvelope = defaultEnvelope;
    this.errorFactory = errorFactory;
    this.statusCheck = protoStatus == null ? null : new ProtoStatusCheck(protoStatus, errorFactory);
    this.jsonContentType = jsonContentType;
    this.protobufContentType = protobufContentType;
  }

  /**
   * The decoder of {@code endpoint}'s format.
   *
   * @throws IllegalStateException when the format needs the transport's envelope and it has none (or one
   *     without the field the format reads)
   */
  @SuppressWarnings("unchecked") // each decoder is made for its format's type
  <T> ResponseDecoder<T> forEndpoint(Endpoint<T> endpoint) {
    ResponseFormat<T> format = endpoint.response();
    ResponseDecoder<?> decoder = decoders.get(format);
    if (decoder == null) {
      decoder = create(endpoint, format);
      if (decoders.size() < MAX_CACHED) {
        decoders.putIfAbsent(format, decoder);
      }
    }
    return (ResponseDecoder<T>) decoder;
  }

  private ResponseDecoder<?> create(Endpoint<?> endpoint, ResponseFormat<?> format) {
    if (format instanceof ResponseFormat.Protobuf<?> protobuf) {
      return new ProtobufDecoder<>(protobuf.parser(), statusCheck, protobufContentType);
    }
    if (format instanceof ResponseFormat.JsonBody<?> body) {
      return new JsonBodyDecoder<>(mapper, body.type(), jsonContentType);
    }
    if (format instanceof ResponseFormat.JsonBeside<?> beside) {
      return new BesideDecoder<>(new EnvelopeDecoder<>(reader(beside.envelope()), null, errorFactory, mapper,
          jsonContentType), mapper, beside.type());
    }
    if (format instanceof ResponseFormat.Text text) {
      return new TextDecoder(text.accept());
    }
    if (format instanceof ResponseFormat.Bytes bytes) {
      return new BytesDecoder(bytes.accept());
    }
    if (format instanceof ResponseFormat.JsonData<?> data) {
      JsonEnvelope envelope = envelope(endpoint, data.envelope());
      if (!envelope.hasData()) {
        throw new IllegalStateException(endpoint + " reads the data of " + envelope + ", which has no data field");
      }
      return new EnvelopeDecoder<>(reader(envelope), data.type(), errorFactory, mapper, jsonContentType);
    }
    if (format instanceof ResponseFormat.JsonNoDataIn noData) {
      return new EnvelopeDecoder<>(reader(noData.envelope()), null, errorFactory, mapper, jsonContentType);
    }
    if (format instanceof ResponseFormat.JsonCodes<?> codes) {
      JsonEnvelope envelope = envelope(endpoint, codes.envelope());
      if (!envelope.hasCode()) {
        throw new IllegalStateException(endpoint + " reads its answer from the code of " + envelope
            + ", which has no code field");
      }
      return new CodesDecoder<>(new EnvelopeDecoder<>(reader(envelope), null, errorFactory, mapper, jsonContentType),
          codes.answers());
    }
    // JsonNoData, the last shape
    return new EnvelopeDecoder<>(reader(envelope(endpoint, null)), null, errorFactory, mapper, jsonContentType);
  }

  private JsonEnvelope envelope(Endpoint<?> endpoint, JsonEnvelope own) {
    if (own != null) {
      return own;
    }
    if (defaultEnvelope == null) {
      throw new IllegalStateException("no JSON envelope is configured for " + endpoint);
    }
    return defaultEnvelope;
  }

  private EnvelopeReader reader(JsonEnvelope envelope) {
    EnvelopeReader reader = readers.get(envelope);
    return reader != null ? reader : readers.computeIfAbsent(envelope, e -> new EnvelopeReader(mapper, e));
  }
}

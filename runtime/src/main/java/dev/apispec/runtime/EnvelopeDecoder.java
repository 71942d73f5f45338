package dev.apispec.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;

/**
 * {@link ResponseFormat#jsonData(Class)} and {@link ResponseFormat#jsonNoData()} (with the transport's envelope or
 * their own): the code checked, the data bound. {@link EnvelopeReader} reads a regular body in one pass; a body it
 * does not settle is read again as a tree here, where every decode error of an envelope is made.
 */
final class EnvelopeDecoder<T> extends ResponseDecoder<T> {
  private final EnvelopeReader reader;
  private final JsonEnvelope envelope;
  /** {@code null}: the data is not read. */
  private final Class<T> type;
  private final ApiErrorFactory errorFactory;
  private final ObjectMapper mapper;

  EnvelopeDecoder(EnvelopeReader reader, Class<T> type, ApiErrorFactory errorFactory, ObjectMapper mapper,
      String accept) {
    super(accept);
    this.reader = reader;
    this.envelope = reader.envelope();
    this.type = type;
    this.errorFactory = errorFactory;
    this.mapper = mapper;
  }

  JsonEnvelope envelope() {
    return envelope;
  }

  EnvelopeReader reader() {
    return reader;
  }

  @Override
  T decode(Endpoint<?> endpoint, HttpResponse<byte[]> response, Secrets secrets) {
    int status = response.statusCode();
    byte[] bytes = response.body();
    if (type == null && !envelope.hasCode()) {
      return null; // nothing to check: every 2xx answer is a success
    }
    try {
      return reader.read(bytes, type);
    } catch (EnvelopeReader.Refused refused) {
      throw refusal(endpoint, status, refused.code, refused.text, secrets.in(bytes));
    } catch (EnvelopeReader.Irregular irregular) {
      // fall through: the tree says exactly what is wrong
    }
    Secrets.Masker masker = secrets.in(bytes);
    JsonNode root = root(endpoint, status, bytes, masker);
    if (envelope.hasCode()) {
      int code = code(endpoint, status, bytes, root, masker);
      if (code != envelope.successCode()) {
        throw refusal(endpoint, status, code, message(root), masker);
      }
    }
    return type == null ? null : data(endpoint, status, root, masker);
  }

  ApiErrorException refusal(Endpoint<?> endpoint, int status, int code, String text, Secrets.Masker masker) {
    return errorFactory.create(endpoint.toString(), status, code, text == null ? "" : masker.mask(text));
  }

  /** The body as a JSON object. */
  JsonNode root(Endpoint<?> endpoint, int status, byte[] bytes, Secrets.Masker masker) {
    JsonNode root;
    try {
      root = mapper.readTree(bytes);
    } catch (IOException | IllegalArgumentException e) {
      // IllegalArgumentException: Jackson lets a NumberFormatException out for a decimal whose exponent has
      // too many digits (1e100000044444...), which it reads eagerly as a BigDecimal (USE_BIG_DECIMAL_FOR_FLOATS)
      throw new ApiDecodeException(endpoint.toString(), status,
          "the response is not JSON: " + masker.describe(e), masker.cause(e));
    }
    if (root == null || !root.isObject()) {
      throw new ApiDecodeException(endpoint.toString(), status,
          "the response is not a JSON object: " + masker.excerpt(bytes), null);
    }
    return root;
  }

  /** The envelope's code in {@code root}, an object. */
  int code(Endpoint<?> endpoint, int status, byte[] bytes, JsonNode root, Secrets.Masker masker) {
    JsonNode code = root.get(envelope.codeField());
    if (code == null || !code.canConvertToInt() || !code.isIntegralNumber()) {
      throw new ApiDecodeException(endpoint.toString(), status,
          "the response has no integer '" + envelope.codeField() + "': " + masker.excerpt(bytes), null);
    }
    return code.intValue();
  }

  /** The server's message in {@code root}, {@code null} when it sent none; not yet masked. */
  String message(JsonNode root) {
    JsonNode message = root.get(envelope.messageField());
    return message == null || message.isNull() ? null : message.asText();
  }

  private T data(Endpoint<?> endpoint, int status, JsonNode root, Secrets.Masker masker) {
    JsonNode data = root.get(envelope.dataField());
    if (data == null || data.isNull()) {
      throw new ApiDecodeException(endpoint.toString(), status,
          "the response has no '" + envelope.dataField() + "'", null);
    }
    try {
      return mapper.treeToValue(data, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new ApiDecodeException(endpoint.toString(), status,
          "'" + envelope.dataField() + "' is not a valid " + type.getSimpleName() + ": " + masker.describe(e),
          masker.cause(e));
    }
  }
}

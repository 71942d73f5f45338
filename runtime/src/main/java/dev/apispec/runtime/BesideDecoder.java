package dev.apispec.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;

/**
 * {@link ResponseFormat#jsonBeside(Class, JsonEnvelope)}: the code beside the payload's fields is checked, then
 * the whole body is the value, code and message included (they land in its fields or its unknown fields).
 */
final class BesideDecoder<T> extends ResponseDecoder<T> {
  private final EnvelopeDecoder<Void> envelope;
  private final ObjectMapper mapper;
  private final Class<T> type;

  BesideDecoder(EnvelopeDecoder<Void> envelope, ObjectMapper mapper, Class<T> type) {
    super(envelope.accept());
    this.envelope = envelope;
    this.mapper = mapper;
    this.type = type;
  }

  @Override
  T decode(Endpoint<?> endpoint, HttpResponse<byte[]> response, Secrets secrets) {
    int status = response.statusCode();
    byte[] bytes = response.body();
    Secrets.Masker masker = secrets.in(bytes);
    // one tree for both reads: the payload is the body itself, so the one-pass reader has nothing to bind
    JsonNode root = envelope.root(endpoint, status, bytes, masker);
    int code = envelope.code(endpoint, status, bytes, root, masker);
    if (code != envelope.envelope().successCode()) {
      throw envelope.refusal(endpoint, status, code, envelope.message(root), masker);
    }
    try {
      return mapper.treeToValue(root, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new ApiDecodeException(endpoint.toString(), status,
          "the response is not a valid " + type.getSimpleName() + ": " + masker.describe(e), masker.cause(e));
    }
  }
}

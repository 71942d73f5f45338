package dev.apispec.runtime;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.net.http.HttpResponse;

/** {@link ResponseFormat#jsonBody(Class)}: the whole body is the value; no envelope, no code. */
final class JsonBodyDecoder<T> extends ResponseDecoder<T> {
  private final ObjectReader reader;
  private final Class<T> type;

  JsonBodyDecoder(ObjectMapper mapper, Class<T> type, String accept) {
    super(accept);
    // a body is one value: what follows it is not ignored
    this.reader = mapper.readerFor(type).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.type = type;
  }

  @Override
  T decode(Endpoint<?> endpoint, HttpResponse<byte[]> response, Secrets secrets) {
    byte[] bytes = response.body();
    if (bytes.length == 0) {
      throw new ApiDecodeException(endpoint.toString(), response.statusCode(),
          "the response is empty, not a " + type.getSimpleName(), null);
    }
    try {
      T value = reader.readValue(bytes);
      if (value == null) {
        throw new ApiDecodeException(endpoint.toString(), response.statusCode(),
            "the response is null, not a " + type.getSimpleName(), null);
      }
      return value;
    } catch (IOException | IllegalArgumentException e) {
      // IllegalArgumentException: see EnvelopeDecoder.root
      Secrets.Masker masker = secrets.in(bytes);
      String problem = e instanceof StreamReadException || e instanceof IllegalArgumentException
          ? "the response is not JSON: " : "the response is not a valid " + type.getSimpleName() + ": ";
      throw new ApiDecodeException(endpoint.toString(), response.statusCode(), problem + masker.describe(e),
          masker.cause(e));
    }
  }
}

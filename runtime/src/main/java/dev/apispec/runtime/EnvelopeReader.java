package dev.apispec.runtime;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a JSON envelope in one pass over the bytes: the code and the message as they come, the data bound
 * straight from the parser into its type (held in a {@link TokenBuffer} only when it comes before the code,
 * and never bound when the code is not the success code).
 *
 * <p>It settles the two outcomes of a well-formed envelope: the data, or the server's refusal. Anything else
 * (not JSON, not an object, no integer code, no data, data of the wrong shape, a top-level key given twice)
 * ends in {@link Irregular}, and the caller reads the body again as a tree: that path has always defined those
 * errors and their messages (some quote numbers as the tree spells them), and a malformed body is rare enough
 * to be read twice. An envelope without a code field ({@link JsonEnvelope#hasCode()}) has no refusal: every
 * well-formed body is a success.
 *
 * <p>Values it does not bind (unknown top-level fields, the data of a refusal or of an endpoint without data)
 * are read as trees, so that a body the tree refuses is refused here too. Data bound from the parser differs
 * from data bound from a tree in corners only: a number in a string field keeps its spelling ({@code 1e2}, not
 * {@code 1E+2}); a decimal whose exponent BigDecimal cannot hold fails the body only where it is read as a
 * decimal (a double field makes it infinite, as it does {@code 1e400}); of two unknown properties of the same
 * name a record keeps the first.
 *
 * <p>Thread-safe. The mapper's settings are taken when a type is first read, as for any {@link ObjectReader}.
 */
final class EnvelopeReader {
  /** The body is not a plain success or refusal; its error is for the tree path to name. */
  static final class Irregular extends Exception {
    private static final long serialVersionUID = 1L;
    static final Irregular INSTANCE = new Irregular();

    private Irregular() {
      super(null, null, false, false); // a signal, not an error: no stack trace
    }
  }

  /** The code is not the success code. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final int code;
    /** The server's message, {@code null} when it sent none (or {@code null}); not yet redacted. */
    final String text;

    Refused(int code, String text) {
      super(null, null, false, false);
      this.code = code;
      this.text = text;
    }
  }

  private final ObjectMapper mapper;
  private final JsonEnvelope envelope;
  /** Without a code field every well-formed body is a success. */
  private final boolean hasCode;
  private final boolean failOnTrailingTokens;
  /** Reads skipped values the way {@code ObjectMapper.readTree} reads the whole body. */
  private final ObjectReader treeReader;
  private final ConcurrentHashMap<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

  EnvelopeReader(ObjectMapper mapper, JsonEnvelope envelope) {
    this.mapper = mapper;
    this.envelope = envelope;
    this.hasCode = envelope.hasCode();
    this.failOnTrailingTokens = mapper.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.treeReader = reader(JsonNode.class);
  }

  JsonEnvelope envelope() {
    return envelope;
  }

  /** An ObjectReader for one value in the middle of the envelope: what follows it is not trailing garbage. */
  private ObjectReader reader(Class<?> type) {
    return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /**
   * The envelope's data as {@code type}, or {@code null} when {@code type} is {@code null} (an endpoint
   * without data, whose data is not bound).
   */
  <T> T read(byte[] bytes, Class<T> type) throws Refused, Irregular {
    try (JsonParser parser = mapper.createParser(bytes)) {
      return read(parser, type);
    } catch (IOException | RuntimeException e) {
      // Jackson's exceptions, and what it lets out raw (NumberFormatException for some decimals)
      throw Irregular.INSTANCE;
    }
  }

  private <T> T read(JsonParser parser, Class<T> type) throws IOException, Refused, Irregular {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw Irregular.INSTANCE;
    }
    boolean seenCode = !hasCode;
    boolean seenMessage = false;
    boolean seenData = false;
    int code = hasCode ? 0 : envelope.successCode();
    String text = null;
    T data = null;
    TokenBuffer early = null;
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      JsonToken token = parser.nextToken();
      if (name.equals(envelope.codeField())) {
        // the tree would keep the last of two codes; this reader does not guess
        if (seenCode || token != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
          throw Irregular.INSTANCE;
        }
        seenCode = true;
        code = parser.getIntValue();
      } else if (name.equals(envelope.messageField())) {
        if (seenMessage) {
          throw Irregular.INSTANCE;
        }
        seenMessage = true;
        text = token == JsonToken.VALUE_STRING ? parser.getText()
            : token == JsonToken.VALUE_NULL ? null
            : treeReader.<JsonNode>readTree(parser).asText(); // as the tree path words a number or an object
      } else if (name.equals(envelope.dataField())) {
        if (seenData) {
          throw Irregular.INSTANCE;
        }
        seenData = true;
        if (type == null || token == JsonToken.VALUE_NULL || (seenCode && code != envelope.successCode())) {
          treeReader.readTree(parser);
        } else if (seenCode) {
          data = readerFor(type).readValue(parser);
        } else {
          early = new TokenBuffer(parser, null);
          early.copyCurrentStructure(parser);
        }
      } else {
        treeReader.readTree(parser);
      }
    }
    if (failOnTrailingTokens && parser.nextToken() != null) {
      throw Irregular.INSTANCE;
    }
    if (!seenCode) {
      throw Irregular.INSTANCE;
    }
    if (code != envelope.successCode()) {
      if (early != null) {
        // not bound, but read as the tree would have read it, for the same errors
        try (JsonParser buffered = early.asParser(parser)) {
          treeReader.readTree(buffered);
        }
      }
      throw new Refused(code, text);
    }
    if (type == null) {
      return null;
    }
    if (early != null) {
      try (JsonParser buffered = early.asParser(parser)) {
        data = readerFor(type).readValue(buffered);
      }
    }
    if (data == null) {
      throw Irregular.INSTANCE; // no data, or null: the tree path says so
    }
    return data;
  }

  private ObjectReader readerFor(Class<?> type) {
    ObjectReader reader = readers.get(type);
    return reader != null ? reader : readers.computeIfAbsent(type, this::reader);
  }
}

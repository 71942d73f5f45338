package dev.apispec.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.MessageLite;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the request of one call: its URI on the endpoint's host (with the path template filled and the query
 * appended), its declared headers, the credential for an authenticated endpoint, and the body in its encoding.
 * Apart from {@link ApiTransport}, which sends, retries and decodes, as Retrofit keeps its {@code RequestFactory}
 * apart from the call.
 *
 * <p>Immutable and thread-safe; the URI and template caches are shared with the factories
 * {@link #withCredential(String)} makes.
 */
final class RequestFactory {
  private final Host defaultHost;
  private final Map<String, Host> hosts;
  private final String authHeader;
  private final String token;
  /**
   * Whether {@link ApiTransport.Builder#auth(String, String)} was called: only then does an authenticated endpoint
   * need a credential. A transport built without it is for an API without one, and sends no header, as it always
   * did.
   */
  private final boolean credentialScheme;
  private final Duration requestTimeout;
  private final ObjectMapper mapper;
  private final String jsonContentType;
  private final String protobufContentType;
  /** Templates are parsed once per path: the paths are the endpoints' constants. */
  private final ConcurrentHashMap<String, PathTemplate> templates;

  /** A base URI, and the request URIs of the endpoints without parameters sent there. */
  private static final class Host {
    final String base;
    /** Parsing the URI was a tenth of a call's time in the benchmarks; paths are few, so keep them. */
    final ConcurrentHashMap<String, URI> uris = new ConcurrentHashMap<>();

    Host(URI uri) {
      String text = uri.toString();
      this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
  }

  RequestFactory(URI baseUri, Map<String, URI> namedHosts, String authHeader, String token, boolean credentialScheme,
      Duration requestTimeout, ObjectMapper mapper, String jsonContentType, String protobufContentType) {
    this.defaultHost = new Host(baseUri);
    Map<String, Host> named = new HashMap<>();
    namedHosts.forEach((name, uri) -> named.put(name, new Host(uri)));
    this.hosts = Map.copyOf(named);
    this.authHeader = authHeader;
    this.token = token;
    this.credentialScheme = credentialScheme;
    this.requestTimeout = requestTimeout;
    this.mapper = mapper;
    this.jsonContentType = jsonContentType;
    this.protobufContentType = protobufContentType;
    this.templates = new ConcurrentHashMap<>();
  }

  private RequestFactory(RequestFactory from, String token) {
    this.defaultHost = from.defaultHost;
    this.hosts = from.hosts;
    this.authHeader = from.authHeader;
    this.token = token;
    this.credentialScheme = true;
    this.requestTimeout = from.requestTimeout;
    this.mapper = from.mapper;
    this.jsonContentType = from.jsonContentType;
    this.protobufContentType = from.protobufContentType;
    this.templates = from.templates;
  }

  /** This factory with another credential, sharing every cache. */
  RequestFactory withCredential(String token) {
    return new RequestFactory(this, token);
  }

  boolean hasCredential() {
    return token != null;
  }

  String authHeader() {
    return authHeader;
  }

  /** The base URI of the host named {@code host}, the default one for {@code null}, or {@code null}. */
  URI baseUri(String host) {
    Host found = host == null ? defaultHost : hosts.get(host);
    return found == null ? null : URI.create(found.base);
  }

  HttpRequest newRequest(Endpoint<?> endpoint, ResponseDecoder<?> decoder, Params params, Object body) {
    Host host = endpoint.host() == null ? defaultHost : hosts.get(endpoint.host());
    if (host == null) {
      throw new IllegalStateException(endpoint + " is sent to the host '" + endpoint.host()
          + "', which this client has no base URI for");
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(params == null ? literalUri(endpoint, host)
        : uri(endpoint, host, params));
    if (params != null) {
      List<String> headers = params.headerList();
      for (int i = 0; i < headers.size(); i += 2) {
        if (headers.get(i).equalsIgnoreCase(authHeader)) {
          throw new IllegalArgumentException(endpoint + " declares the header '" + headers.get(i)
              + "', which carries the credential; the transport sets it");
        }
        try {
          request.header(headers.get(i), headers.get(i + 1));
        } catch (IllegalArgumentException e) {
          // the JDK's message quotes the value, which may be personal
          throw new IllegalArgumentException(endpoint + " cannot send the header '" + headers.get(i)
              + "': its name or value is not allowed (a line break, or a header the HTTP client sets itself)");
        }
      }
    }
    if (requestTimeout != null) {
      request.timeout(requestTimeout);
    }
    if (endpoint.authenticated()) {
      if (token != null) {
        request.header(authHeader, token);
      } else if (credentialScheme) {
        throw new ApiCredentialException(endpoint.toString(), authHeader);
      }
    }
    HttpRequest.BodyPublisher publisher;
    if (body == null) {
      publisher = HttpRequest.BodyPublishers.noBody();
    } else if (body instanceof MessageLite message) {
      request.header("Content-Type", protobufContentType);
      publisher = HttpRequest.BodyPublishers.ofByteArray(message.toByteArray());
    } else if (body instanceof RawBody raw) {
      request.header("Content-Type", raw.contentType());
      publisher = HttpRequest.BodyPublishers.ofByteArray(raw.bytes());
    } else {
      request.header("Content-Type", jsonContentType);
      try {
        publisher = HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body));
      } catch (JsonProcessingException e) {
        throw new ApiConnectionException(endpoint.toString(),
            "could not encode the request body as JSON: " + e.getOriginalMessage(), e);
      }
    }
    request.header("Accept", decoder.accept());
    return request.method(endpoint.method(), publisher).build();
  }

  /** The URI of an endpoint called without parameters: its path is literal, and kept. */
  private URI literalUri(Endpoint<?> endpoint, Host host) {
    URI uri = host.uris.get(endpoint.path());
    if (uri == null) {
      PathTemplate template = template(endpoint.path());
      if (!template.isLiteral()) {
        throw PathTemplate.missing(endpoint, template.firstName());
      }
      // not computeIfAbsent alone: its lambda (it captures host) would be allocated on every call
      uri = host.uris.computeIfAbsent(endpoint.path(), path -> URI.create(host.base + path));
    }
    return uri;
  }

  private URI uri(Endpoint<?> endpoint, Host host, Params params) {
    PathTemplate template = template(endpoint.path());
    String path = template.isLiteral() && params.pathValues().isEmpty() ? endpoint.path()
        : template.expand(endpoint, params.pathValues());
    String query = params.queryString();
    return URI.create(query.isEmpty() ? host.base + path : host.base + path + '?' + query);
  }

  private PathTemplate template(String path) {
    PathTemplate template = templates.get(path);
    return template != null ? template : templates.computeIfAbsent(path, PathTemplate::parse);
  }
}

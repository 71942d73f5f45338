package dev.apispec.bench.jmh;

import dev.apispec.bench.jmh.hand.HandClient;
import dev.apispec.bench.jmh.hand.HandRecommendedGroups;
import dev.apispec.bench.oag.ApiException;
import dev.apispec.bench.oag.api.GroupApi;
import dev.yunhu.client.YunhuClient;
import dev.yunhu.client.model.RecommendedGroups;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A whole call of {@code /v1/group/recommend/list} without the network: the recorded JSON envelope
 * handed back by an in-memory {@link CannedHttpClient}, through each client (request encoding, body
 * reading, envelope check, decoding of {@code data}). What the clients add on top of the HTTP stack.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JsonCallInMemoryBench {
  private YunhuClient client;
  private HandClient hand;
  private GroupApi oag;
  private dev.apispec.bench.oag.model.RecommendListRequest oagRequest;

  @Setup
  public void setUp() throws Exception {
    CannedHttpClient canned = new CannedHttpClient(200, "application/json", Recordings.jsonResponse(Recordings.RECOMMEND_LIST));
    URI unused = URI.create("http://127.0.0.1:9");
    client = Clients.apispec(canned, unused);
    hand = Clients.hand(canned, unused);
    oag = Clients.openApiGenerator(new CannedBuilder(canned), unused);
    oagRequest = Clients.oagRequest();
    Clients.expect(apispecClient().groups().get(0).name());
    Clients.expect(handWrittenClient().groups().get(0).name());
    Clients.expect(openApiGeneratorClient().getGroups().get(0).getName());
  }

  @Benchmark
  public RecommendedGroups apispecClient() {
    return client.group().recommendList(Clients.APISPEC_REQUEST);
  }

  @Benchmark
  public HandRecommendedGroups handWrittenClient() throws IOException, InterruptedException {
    return hand.recommendList(Clients.HAND_REQUEST);
  }

  @Benchmark
  public dev.apispec.bench.oag.model.RecommendedGroups openApiGeneratorClient() throws ApiException {
    return Clients.oagRecommendList(oag, oagRequest);
  }

  /** OpenAPI Generator's ApiClient takes a builder, not a client: this one builds the canned client. */
  static final class CannedBuilder implements HttpClient.Builder {
    private final HttpClient client;

    CannedBuilder(HttpClient client) {
      this.client = client;
    }

    @Override
    public HttpClient.Builder cookieHandler(java.net.CookieHandler cookieHandler) {
      return this;
    }

    @Override
    public HttpClient.Builder connectTimeout(java.time.Duration duration) {
      return this;
    }

    @Override
    public HttpClient.Builder sslContext(javax.net.ssl.SSLContext sslContext) {
      return this;
    }

    @Override
    public HttpClient.Builder sslParameters(javax.net.ssl.SSLParameters sslParameters) {
      return this;
    }

    @Override
    public HttpClient.Builder executor(java.util.concurrent.Executor executor) {
      return this;
    }

    @Override
    public HttpClient.Builder followRedirects(HttpClient.Redirect policy) {
      return this;
    }

    @Override
    public HttpClient.Builder version(HttpClient.Version version) {
      return this;
    }

    @Override
    public HttpClient.Builder priority(int priority) {
      return this;
    }

    @Override
    public HttpClient.Builder proxy(java.net.ProxySelector proxySelector) {
      return this;
    }

    @Override
    public HttpClient.Builder authenticator(java.net.Authenticator authenticator) {
      return this;
    }

    @Override
    public HttpClient build() {
      return client;
    }
  }
}

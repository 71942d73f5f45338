package dev.apispec.bench.jmh;

import dev.apispec.bench.jmh.hand.HandClient;
import dev.apispec.bench.jmh.hand.HandRecommendedGroups;
import dev.apispec.bench.oag.ApiException;
import dev.apispec.bench.oag.api.GroupApi;
import dev.yunhu.client.YunhuClient;
import dev.yunhu.client.model.RecommendedGroups;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A full call of {@code /v1/group/recommend/list} over loopback against an in-process server that
 * answers with the recorded response: through our client, a minimal hand-written java.net.http +
 * Jackson client, and OpenAPI Generator's client. Each has its own {@code HttpClient}, built alike
 * (HTTP/1.1, no redirects), so connections are kept alive the same way.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LoopbackCallBench {
  private LoopbackServer server;
  private YunhuClient client;
  private HandClient hand;
  private GroupApi oag;
  private dev.apispec.bench.oag.model.RecommendListRequest oagRequest;

  @Setup
  public void setUp() throws Exception {
    server = new LoopbackServer("application/json", Recordings.jsonResponse(Recordings.RECOMMEND_LIST));
    client = Clients.apispec(Clients.httpClient().build(), server.baseUri());
    hand = Clients.hand(Clients.httpClient().build(), server.baseUri());
    oag = Clients.openApiGenerator(Clients.httpClient(), server.baseUri());
    oagRequest = Clients.oagRequest();
    Clients.expect(apispecClient().groups().get(0).name());
    Clients.expect(handWrittenClient().groups().get(0).name());
    Clients.expect(openApiGeneratorClient().getGroups().get(0).getName());
  }

  @TearDown
  public void tearDown() {
    server.close();
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
}

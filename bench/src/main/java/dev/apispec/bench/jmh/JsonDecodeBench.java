package dev.apispec.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apispec.bench.jmh.hand.HandRecommendedGroups;
import dev.apispec.runtime.ApiJson;
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

/**
 * Decoding the recorded {@code data} payload of {@code /v1/group/recommend/list} (one group, as the
 * server sent it): into the generated record with the client's mapper, against plain Jackson into an
 * equivalent hand-written record; also the generated record with a plain mapper, and OpenAPI
 * Generator's model with its own mapper.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JsonDecodeBench {
  private byte[] data;
  private final ObjectMapper clientMapper = ApiJson.newMapper();
  private final ObjectMapper plainMapper = new ObjectMapper();
  private final ObjectMapper oagMapper = new dev.apispec.bench.oag.JSON().getMapper();

  @Setup
  public void setUp() throws IOException {
    data = Recordings.jsonData(Recordings.RECOMMEND_LIST);
    Clients.expect(generatedDto().groups().get(0).name());
    Clients.expect(generatedDtoPlainMapper().groups().get(0).name());
    Clients.expect(handWritten().groups().get(0).name());
    Clients.expect(openApiGenerator().getGroups().get(0).getName());
  }

  @Benchmark
  public RecommendedGroups generatedDto() throws IOException {
    return clientMapper.readValue(data, RecommendedGroups.class);
  }

  @Benchmark
  public RecommendedGroups generatedDtoPlainMapper() throws IOException {
    return plainMapper.readValue(data, RecommendedGroups.class);
  }

  @Benchmark
  public HandRecommendedGroups handWritten() throws IOException {
    return plainMapper.readValue(data, HandRecommendedGroups.class);
  }

  @Benchmark
  public dev.apispec.bench.oag.model.RecommendedGroups openApiGenerator() throws IOException {
    return oagMapper.readValue(data, dev.apispec.bench.oag.model.RecommendedGroups.class);
  }
}

package dev.apispec.bench.jmh;

import dev.apispec.bench.jmh.hand.HandClient;
import dev.yunhu.client.YunhuClient;
import dev.yunhu.client.proto.GroupInfoResponse;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decoding the recorded protobuf response of {@code /v1/group/info}: a bare {@code parseFrom}, the same
 * with the status check a person would write, and the whole call through our client and through the
 * hand-written client over an in-memory {@link CannedHttpClient} (no socket: request building, body
 * reading, decoding and the checks, nothing else).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ProtoDecodeBench {
  private byte[] response;
  private YunhuClient client;
  private HandClient hand;

  @Setup
  public void setUp() throws IOException, InterruptedException {
    response = Recordings.protobufResponse(Recordings.GROUP_INFO);
    CannedHttpClient canned = new CannedHttpClient(200, "application/x-protobuf", response);
    URI unused = URI.create("http://127.0.0.1:9");
    client = Clients.apispec(canned, unused);
    hand = Clients.hand(canned, unused);
    for (GroupInfoResponse r : new GroupInfoResponse[] {bareParseFrom(), parseFromChecked(), apispecClient(), handWrittenClient()}) {
      if (!"123".equals(r.getData().getId()) || r.getStatus().getCode() != 1) {
        throw new IllegalStateException("decoded the wrong thing: " + r);
      }
    }
  }

  @Benchmark
  public GroupInfoResponse bareParseFrom() throws IOException {
    return GroupInfoResponse.parseFrom(response);
  }

  @Benchmark
  public GroupInfoResponse parseFromChecked() throws IOException {
    return HandClient.checked(GroupInfoResponse.parseFrom(response));
  }

  @Benchmark
  public GroupInfoResponse apispecClient() {
    return client.group().info(Clients.GROUP_INFO_REQUEST);
  }

  @Benchmark
  public GroupInfoResponse handWrittenClient() throws IOException, InterruptedException {
    return hand.groupInfo(Clients.GROUP_INFO_REQUEST);
  }
}

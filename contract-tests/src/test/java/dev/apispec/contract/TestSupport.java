package dev.apispec.contract;

import dev.yunhu.client.YunhuClient;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/** What the tests share: the spec from the api-spec sources, and the recordings to check. */
final class TestSupport {
  private TestSupport() {}

  /** The spec folder, {@code ../api-spec/src/main/spec} (set by the pom; the default works from the module). */
  static Path specDir() {
    return Path.of(System.getProperty("contract.specDir", "../api-spec/src/main/spec"));
  }

  /** The spec as the sources hold it. */
  static ApiSpec spec() {
    return ApiSpec.read(specDir(), YunhuClient.class);
  }

  /** The token the replays send: random, so that it cannot be in any recording by chance. */
  private static final String TOKEN = "replay-" + UUID.randomUUID();

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER)
      .version(HttpClient.Version.HTTP_1_1)
      .build();

  /** The Yunhu client as the replays build it, for each local server. */
  static ClientUnderTest client() {
    return new ClientUnderTest(YunhuClient.class, uri -> YunhuClient.builder()
        .allBaseUris(uri)
        .token(TOKEN)
        .httpClient(HTTP)
        .requestTimeout(Duration.ofSeconds(10))
        .build(), TOKEN);
  }

  /**
   * The recording files to replay, unparsed, by name: the ones this module ships, and those in the
   * folder named by {@code -Dcontract.recordings=DIR}, if any (their names are prefixed with
   * {@code extra:}). Unparsed, so that a broken file fails its own test, not all of them.
   */
  static SortedMap<String, byte[]> recordingFiles() {
    SortedMap<String, byte[]> all = new TreeMap<>(Recordings.builtInFiles());
    String extra = System.getProperty("contract.recordings");
    if (extra != null && !extra.isBlank()) {
      Path dir = Path.of(extra);
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException("-Dcontract.recordings: no such folder: " + dir.toAbsolutePath());
      }
      Recordings.files(dir).forEach((id, bytes) -> all.put("extra:" + id, bytes));
    }
    return all;
  }

  /** {@link #recordingFiles()}, parsed. */
  static List<Recording> recordings() {
    List<Recording> all = new ArrayList<>();
    recordingFiles().forEach((id, bytes) -> all.add(Recording.parse(id, bytes)));
    return all;
  }
}

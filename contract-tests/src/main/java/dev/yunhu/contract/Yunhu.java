package dev.yunhu.contract;

import dev.apispec.contract.ApiSpec;
import dev.apispec.contract.ProtoTypes;
import dev.apispec.contract.Recording;
import dev.apispec.contract.Recordings;
import dev.yunhu.client.YunhuClient;
import java.util.List;

/** What the generic contract tools need to know of the Yunhu client: its class, its spec and its recordings. */
final class Yunhu {
  private Yunhu() {}

  /** The spec the api-spec jar carries, read for the Yunhu client. */
  static ApiSpec spec() {
    return ApiSpec.fromClasspath(YunhuClient.class);
  }

  static ProtoTypes protos() {
    return ProtoTypes.of(YunhuClient.class);
  }

  /** The recordings this module ships. */
  static List<Recording> recordings() {
    return Recordings.builtIn();
  }
}

package dev.yunhu.contract;

/**
 * The mock of the Yunhu API: {@link dev.apispec.contract.MockServer} serving this module's recordings.
 * {@code --port N} (default 8099), {@code --recordings DIR} (served first).
 */
public final class MockServer {
  private MockServer() {}

  public static void main(String[] args) throws Exception {
    dev.apispec.contract.MockServer.run(args, Yunhu.recordings(), Yunhu.protos());
  }
}

package dev.yunhu.contract;

/**
 * The recording proxy for the Yunhu API: {@link dev.apispec.contract.Recorder} on the api-spec jar's spec,
 * forwarding to its {@code baseUrl} unless {@code --target} says otherwise.
 */
public final class Recorder {
  private Recorder() {}

  public static void main(String[] args) throws Exception {
    dev.apispec.contract.Recorder.run(args, Yunhu.spec());
  }
}

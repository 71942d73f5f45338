package dev.yunhu.contract;

/** Rewrites Yunhu recordings in the recorder's layout: {@link dev.apispec.contract.Reformat}. */
public final class Reformat {
  private Reformat() {}

  public static void main(String[] args) throws Exception {
    dev.apispec.contract.Reformat.run(args, Yunhu.protos());
  }
}

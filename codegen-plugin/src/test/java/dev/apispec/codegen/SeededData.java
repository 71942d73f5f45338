package dev.apispec.codegen;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.Random;

/**
 * Fuzzer data from a seeded {@link Random}, so that {@link SpecGrammar} can build specs outside a fuzzing run:
 * the same seed gives the same spec. Strings may hold any UTF-16 unit, lone surrogates among them, as Jazzer's
 * do. There is no end to the data, so {@link #remainingBytes()} stays large.
 */
final class SeededData implements FuzzedDataProvider {
  /** How often a number is drawn from the ordinary part of its range. */
  private static final int ORDINARY_PERCENT = 97;

  private final Random random;

  SeededData(long seed) {
    this.random = new Random(seed);
  }

  @Override
  public boolean consumeBoolean() {
    return random.nextBoolean();
  }

  @Override
  public boolean[] consumeBooleans(int maxLength) {
    boolean[] values = new boolean[random.nextInt(maxLength + 1)];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextBoolean();
    }
    return values;
  }

  @Override
  public byte consumeByte() {
    return (byte) random.nextInt();
  }

  @Override
  public byte consumeByte(byte min, byte max) {
    return (byte) consumeLong(min, max);
  }

  @Override
  public byte[] consumeBytes(int maxLength) {
    byte[] bytes = new byte[random.nextInt(maxLength + 1)];
    random.nextBytes(bytes);
    return bytes;
  }

  @Override
  public byte[] consumeRemainingAsBytes() {
    return consumeBytes(64);
  }

  @Override
  public short consumeShort() {
    return (short) random.nextInt();
  }

  @Override
  public short consumeShort(short min, short max) {
    return (short) consumeLong(min, max);
  }

  @Override
  public short[] consumeShorts(int maxLength) {
    short[] values = new short[random.nextInt(maxLength + 1)];
    for (int i = 0; i < values.length; i++) {
      values[i] = consumeShort();
    }
    return values;
  }

  @Override
  public int consumeInt() {
    return random.nextInt();
  }

  @Override
  public int consumeInt(int min, int max) {
    return (int) consumeLong(min, max);
  }

  @Override
  public int[] consumeInts(int maxLength) {
    return random.ints(random.nextInt(maxLength + 1)).toArray();
  }

  @Override
  public long consumeLong() {
    return random.nextLong();
  }

  /**
   * A number in a range: mostly from its lower seven eighths, where {@link SpecGrammar} keeps its ordinary
   * choices (as the data a fuzzer starts from), so that many specs are valid; else from anywhere in it.
   */
  @Override
  public long consumeLong(long min, long max) {
    long span = max - min + 1;
    if (span > 8 && random.nextInt(100) < ORDINARY_PERCENT) {
      return min + Math.floorMod(random.nextLong(), span - span / 8);
    }
    if (span > 0) {
      return min + Math.floorMod(random.nextLong(), span);
    }
    long value = random.nextLong(); // the span overflowed: more than half of all longs are in range
    while (value < min || value > max) {
      value = random.nextLong();
    }
    return value;
  }

  @Override
  public long[] consumeLongs(int maxLength) {
    return random.longs(random.nextInt(maxLength + 1)).toArray();
  }

  @Override
  public float consumeFloat() {
    return Float.intBitsToFloat(random.nextInt());
  }

  @Override
  public float consumeRegularFloat() {
    return random.nextFloat();
  }

  @Override
  public float consumeRegularFloat(float min, float max) {
    return min + random.nextFloat() * (max - min);
  }

  @Override
  public float consumeProbabilityFloat() {
    return random.nextFloat();
  }

  @Override
  public double consumeDouble() {
    return Double.longBitsToDouble(random.nextLong());
  }

  @Override
  public double consumeRegularDouble() {
    return random.nextDouble();
  }

  @Override
  public double consumeRegularDouble(double min, double max) {
    return min + random.nextDouble() * (max - min);
  }

  @Override
  public double consumeProbabilityDouble() {
    return random.nextDouble();
  }

  @Override
  public char consumeChar() {
    // mostly plain text, now and then any unit at all
    return random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : (char) (0x20 + random.nextInt(0x5f));
  }

  @Override
  public char consumeChar(char min, char max) {
    return (char) consumeLong(min, max);
  }

  @Override
  public char consumeCharNoSurrogates() {
    char c = consumeChar();
    return Character.isSurrogate(c) ? 'x' : c;
  }

  @Override
  public String consumeString(int maxLength) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      text.append(consumeChar());
    }
    return text.toString();
  }

  @Override
  public String consumeRemainingAsString() {
    return consumeString(64);
  }

  @Override
  public String consumeAsciiString(int maxLength) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      text.append((char) random.nextInt(0x80));
    }
    return text.toString();
  }

  @Override
  public String consumeRemainingAsAsciiString() {
    return consumeAsciiString(64);
  }

  @Override
  public int remainingBytes() {
    return Integer.MAX_VALUE;
  }
}

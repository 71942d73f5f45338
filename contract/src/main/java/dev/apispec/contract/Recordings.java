package dev.apispec.contract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Finds recordings: the ones this module ships, or the ones in a folder. */
public final class Recordings {
  /** The class path folder that holds the shipped recordings. */
  public static final String CLASSPATH_DIR = "recordings";

  private Recordings() {}

  /** The recordings shipped with this module ({@code src/main/resources/recordings}), in name order. */
  public static List<Recording> builtIn() {
    return parseAll(builtInFiles());
  }

  /** The recordings below a folder ({@code <group>/<endpoint>/<name>.json}), in name order. */
  public static List<Recording> inDirectory(Path dir) {
    return parseAll(files(dir));
  }

  /** The files of the shipped recordings, unparsed, by recording id ({@code friend/apply/success}). */
  public static SortedMap<String, byte[]> builtInFiles() {
    return byId(ClasspathFiles.read(CLASSPATH_DIR));
  }

  /** The recording files below a folder, unparsed, by recording id. */
  public static SortedMap<String, byte[]> files(Path dir) {
    return byId(ClasspathFiles.read(dir));
  }

  private static SortedMap<String, byte[]> byId(SortedMap<String, byte[]> files) {
    SortedMap<String, byte[]> byId = new TreeMap<>();
    files.forEach((name, bytes) -> {
      if (name.endsWith(".json")) {
        byId.put(name.substring(0, name.length() - ".json".length()), bytes);
      }
    });
    return byId;
  }

  private static List<Recording> parseAll(SortedMap<String, byte[]> files) {
    List<Recording> recordings = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      try {
        recordings.add(Recording.parse(file.getKey(), file.getValue()));
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("unreadable recordings:\n  " + String.join("\n  ", problems));
    }
    return recordings;
  }
}

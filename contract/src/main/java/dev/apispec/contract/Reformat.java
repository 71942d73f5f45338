package dev.apispec.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Rewrites recording files in the format the recorder writes, with the decoded view of every
 * protobuf body regenerated from its bytes (the bytes are the truth). Use it after editing a
 * protobuf body's base64 by hand, through {@link #run(String[], ProtoTypes)} from a command that knows the
 * client's messages.
 *
 * <p>Arguments are recording files or folders of them. Files that are already in shape are left alone.
 */
public final class Reformat {
  private Reformat() {}

  /** The recording with the decoded views of its protobuf bodies regenerated. */
  public static Recording withFreshViews(Recording recording, ProtoTypes protos) {
    return new Recording(recording.id(), recording.description(),
        new Recording.Request(recording.request().method(), recording.request().path(), recording.request().headers(),
            fresh(recording.request().body(), protos), recording.request().host()),
        new Recording.Response(recording.response().status(), recording.response().contentType(),
            fresh(recording.response().body(), protos)),
        recording.knownDrift());
  }

  private static Recording.Body fresh(Recording.Body body, ProtoTypes protos) {
    if (!(body instanceof Recording.ProtobufBody proto)) {
      return body;
    }
    try {
      return new Recording.ProtobufBody(proto.bytes(), proto.message(),
          protos.decode(proto.message(), proto.bytes()));
    } catch (IOException e) {
      throw new IllegalArgumentException("the protobuf body is not a valid "
          + (proto.message() == null ? "message" : proto.message()) + ": " + e.getMessage(), e);
    }
  }

  /** The command line: rewrites the recording files and folders named in {@code args}. */
  public static void run(String[] args, ProtoTypes protos) throws IOException {
    if (args.length == 0) {
      System.out.println("usage: Reformat FILE_OR_FOLDER...");
      return;
    }
    List<Path> files = new ArrayList<>();
    for (String arg : args) {
      Path path = Path.of(arg);
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        throw new IllegalArgumentException("no such file or folder: " + path.toAbsolutePath());
      }
    }
    int changed = 0;
    for (Path file : files) {
      byte[] before = Files.readAllBytes(file);
      byte[] after = withFreshViews(Recording.parse(file.toString(), before), protos).toFile();
      if (!Arrays.equals(before, after)) {
        Files.write(file, after);
        System.out.println("rewrote " + file);
        changed++;
      }
    }
    System.out.println(files.size() + " recordings, " + changed + " rewritten");
  }
}

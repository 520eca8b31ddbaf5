package dev.gatehouse.bench;

import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the request bodies of the W1/W2 benchmark into a folder: {@code w2.json} (the JSON body sent to the
 * gateway), {@code w1.grpc} and {@code w2.grpc} (the same requests as gRPC frames, for h2load straight to the
 * backend), and prints the size of each request and answer.
 *
 * <p>{@code BenchPayloads FOLDER}
 */
public final class BenchPayloads {
  private BenchPayloads() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("arguments: " + String.join(" ", args) + " (expected: one output folder)");
    }
    Path folder = Files.createDirectories(Path.of(args[0]));
    JsonFormat.Printer printer = JsonFormat.printer().omittingInsignificantWhitespace();
    byte[] w2Json = printer.print(BenchMessages.w2Book()).getBytes(StandardCharsets.UTF_8);
    Files.write(folder.resolve("w2.json"), w2Json);
    Files.write(folder.resolve("w1.grpc"), BenchMessages.grpcFrame(BenchMessages.w1Request().toByteArray()));
    Files.write(folder.resolve("w2.grpc"), BenchMessages.grpcFrame(BenchMessages.w2Request().toByteArray()));
    // The gateway prints unpopulated fields too (grpc-gateway's default), so its W1 answer is this plus nothing.
    String w1Json = printer.print(BenchMessages.w1Reply());
    System.out.printf("w1: request %d B protobuf; answer %d B protobuf, %d B JSON (JsonFormat, populated fields)%n",
        BenchMessages.w1Request().getSerializedSize(), BenchMessages.w1Reply().getSerializedSize(),
        w1Json.getBytes(StandardCharsets.UTF_8).length);
    System.out.printf("w2: request %d B JSON, %d B protobuf; answer %d B protobuf%n", w2Json.length,
        BenchMessages.w2Request().getSerializedSize(), BenchMessages.w2Reply().getSerializedSize());
  }
}

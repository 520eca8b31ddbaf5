package dev.gatehouse.lens.tap;

import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.h2.connection.DecoderOptions;
import dev.gatehouse.lens.OutputFormat;
import dev.gatehouse.lens.detect.DetectorOptions;
import dev.gatehouse.lens.observe.ConnectionObservers;
import dev.gatehouse.lens.observe.LensClock;
import dev.gatehouse.lens.observe.LensListener;
import dev.gatehouse.lens.output.LineOutput;
import dev.gatehouse.lens.render.PayloadRenderer;
import dev.gatehouse.lens.render.Redaction;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The lens's decoder, detectors and outputs for connections the lens does not carry itself: the gateway's upstream
 * connections ({@code gatehouse serve --trace}). Whoever carries the bytes {@linkplain #open opens} a
 * {@link TappedConnection} per connection and reports its bytes; the outputs read exactly as the lens's (the gateway
 * is the client, the backend the server).
 *
 * <pre>{@code
 * try (LensTap tap = LensTap.builder().format(OutputFormat.JSONL).output(Path.of("trace.jsonl")).build()) {
 *   TappedConnection connection = tap.open("127.0.0.1:53422", "127.0.0.1:50051");
 *   connection.onBytes(Direction.CLIENT, written);
 *   ...
 *   connection.onEnd();
 * }
 * }</pre>
 *
 * <p>Thread-safe: connections may be opened and fed from different threads, each connection from one thread at a
 * time. Output is written by one writer thread, as the lens's; {@link #close()} flushes it.
 */
public final class LensTap implements AutoCloseable {

  private final ConnectionObservers observers;
  private final LineOutput output; // null: no output
  private final CallLocator locator;

  private LensTap(ConnectionObservers observers, LineOutput output, CallLocator locator) {
    this.observers = observers;
    this.output = output;
    this.locator = locator;
  }

  /** A builder: text to standard error, no descriptors, no other listener. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A connection opened; its events are numbered as a new connection ({@code conn}) of every output.
   *
   * @param client the client's address as text (the side that sends the HTTP/2 preface)
   * @param upstream the server's address as text
   */
  public TappedConnection open(String client, String upstream) {
    return new TappedConnection(observers.open(client, upstream), observers.clock());
  }

  /**
   * Where the call whose request carried {@code value} under the builder's {@link Builder#locateBy locate-by key}
   * went, as {@code CONN/STREAM}, or {@code null} when no such call was seen (or it was asked for before). Any
   * thread.
   */
  public String locate(String value) {
    return locator == null ? null : locator.take(value);
  }

  /** Flushes and closes the outputs; the listeners added by the caller are the caller's to close. */
  @Override
  public void close() {
    if (output == null) {
      return;
    }
    try {
      output.close();
    } catch (RuntimeException e) {
      // The output's destination failed; there is nowhere left to report it.
    }
  }

  /**
   * How to build a tap: output format and destination, descriptors, which secrets the output hides, more listeners,
   * clock and options.
   */
  public static final class Builder {
    private ServiceCatalog catalog;
    private OutputFormat format = OutputFormat.TEXT;
    private Path outputFile;
    private OutputStream output;
    private boolean writeOutput = true;
    private Redaction redaction = Redaction.DEFAULT;
    private String locateBy;
    private LensClock clock = LensClock.system();
    private DecoderOptions decoderOptions = DecoderOptions.defaults();
    private DetectorOptions detectorOptions = DetectorOptions.defaults();
    private final List<LensListener> listeners = new ArrayList<>();

    Builder() {}

    /** Decode messages as JSON with these descriptors ({@code null}: schema-less). */
    public Builder catalog(ServiceCatalog value) {
      this.catalog = value;
      return this;
    }

    public Builder format(OutputFormat value) {
      this.format = Objects.requireNonNull(value, "format");
      return this;
    }

    /** Write the output to this file (created or truncated); {@code null}: standard error. */
    public Builder output(Path file) {
      this.outputFile = file;
      this.output = null;
      this.writeOutput = true;
      return this;
    }

    /** Write the output here (left open on close). */
    public Builder output(OutputStream stream) {
      this.output = Objects.requireNonNull(stream, "output");
      this.outputFile = null;
      this.writeOutput = true;
      return this;
    }

    /** Write no output (the listeners still get everything). */
    public Builder noOutput() {
      this.writeOutput = false;
      return this;
    }

    /**
     * Hide these header values in the output ({@link Redaction#DEFAULT} unless set; {@link Redaction#NONE} shows
     * them). Listeners added with {@link #listener} hide their own.
     */
    public Builder redaction(Redaction value) {
      this.redaction = Objects.requireNonNull(value, "redaction");
      return this;
    }

    /** Also report to {@code value}, after the output. */
    public Builder listener(LensListener value) {
      listeners.add(Objects.requireNonNull(value, "listener"));
      return this;
    }

    /** Remember which stream carried each value of this request metadata key, for {@link LensTap#locate}. */
    public Builder locateBy(String metadataKey) {
      this.locateBy = Objects.requireNonNull(metadataKey, "metadataKey");
      return this;
    }

    public Builder clock(LensClock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    public Builder decoderOptions(DecoderOptions value) {
      this.decoderOptions = Objects.requireNonNull(value, "decoderOptions");
      return this;
    }

    public Builder detectorOptions(DetectorOptions value) {
      this.detectorOptions = Objects.requireNonNull(value, "detectorOptions");
      return this;
    }

    /**
     * The tap, its output open.
     *
     * @throws UncheckedIOException when the output file cannot be opened
     */
    public LensTap build() {
      List<LensListener> all = new ArrayList<>();
      LineOutput out = null;
      if (writeOutput) {
        out = LineOutput.open(format, outputStream(), outputFile != null,
            PayloadRenderer.create(catalog, decoderOptions.maxMessageBytes()), redaction);
        all.add(out);
      }
      CallLocator locator = locateBy == null ? null : new CallLocator(locateBy);
      if (locator != null) {
        all.add(locator);
      }
      all.addAll(listeners);
      return new LensTap(new ConnectionObservers(all, clock, decoderOptions, detectorOptions), out, locator);
    }

    private OutputStream outputStream() {
      if (output != null) {
        return output;
      }
      if (outputFile == null) {
        return System.err;
      }
      try {
        return Files.newOutputStream(outputFile);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the trace to " + outputFile, e);
      }
    }
  }
}

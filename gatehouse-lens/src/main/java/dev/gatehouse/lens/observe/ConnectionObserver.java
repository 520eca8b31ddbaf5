package dev.gatehouse.lens.observe;

import dev.gatehouse.h2.connection.ConnectionDecoder;
import dev.gatehouse.h2.connection.DecoderOptions;
import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.event.Event;
import dev.gatehouse.lens.detect.DetectorOptions;
import dev.gatehouse.lens.detect.Detectors;
import dev.gatehouse.lens.detect.Finding;
import dev.gatehouse.lens.detect.FindingCode;
import dev.gatehouse.lens.detect.Severity;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Objects;

/**
 * Observes one connection: decodes a copy of both directions, runs the detectors and tells every listener. The
 * proxy calls it on the connection's event loop; tests may call it directly with crafted bytes.
 *
 * <p>It never throws: when the decoder fails (it should not), the failure becomes a {@code DECODER_FAILURE} finding
 * and decoding of this connection stops, while the proxy keeps forwarding; a failing listener is reported once and
 * dropped for this connection. Not thread-safe: one connection, one thread.
 */
public final class ConnectionObserver {

  private final LensConnection connection;
  private final ConnectionDecoder decoder;
  private final Detectors detectors;
  private final List<LensListener> listeners;
  private final boolean[] failed;
  private boolean detectorsFailed;
  private boolean decoding = true;
  private boolean ended;

  /**
   * An observer of {@code connection} reporting to {@code listeners} (in that order).
   */
  public ConnectionObserver(LensConnection connection, DecoderOptions decoderOptions,
      DetectorOptions detectorOptions, List<LensListener> listeners) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.listeners = List.copyOf(listeners);
    this.failed = new boolean[this.listeners.size()];
    this.detectors = new Detectors(detectorOptions, this::finding);
    this.decoder = new ConnectionDecoder(this::event, decoderOptions);
  }

  /** The connection observed. */
  public LensConnection connection() {
    return connection;
  }

  /** Whether the decoder still runs (it stops for good after a failure). */
  public boolean decoding() {
    return decoding;
  }

  /** Tells the listeners the connection opened. */
  public void onOpen() {
    for (int i = 0; i < listeners.size(); i++) {
      if (!failed[i]) {
        try {
          listeners.get(i).onOpen(connection);
        } catch (RuntimeException e) {
          listenerFailed(i, e, connection.openedNanos());
        }
      }
    }
  }

  /**
   * A chunk {@code sender} sent, before it is forwarded. Reads its readable bytes; neither the indices nor the
   * reference count change, so the caller forwards the same buffer afterwards.
   */
  public void onBytes(Direction sender, ByteBuf chunk, long timeNanos) {
    if (ended) {
      return;
    }
    for (int i = 0; i < listeners.size(); i++) {
      if (!failed[i]) {
        try {
          listeners.get(i).onBytes(connection, sender, chunk, timeNanos);
        } catch (RuntimeException e) {
          listenerFailed(i, e, timeNanos);
        }
      }
    }
    if (decoding) {
      try {
        decoder.onBytes(sender, chunk, timeNanos);
      } catch (RuntimeException | StackOverflowError e) {
        decoderFailed(e, timeNanos);
      }
    }
  }

  /** Bytes {@code sender} sent, for callers without a buffer (tests, offline input). */
  public void onBytes(Direction sender, byte[] bytes, long timeNanos) {
    onBytes(sender, io.netty.buffer.Unpooled.wrappedBuffer(bytes), timeNanos);
  }

  /** {@code sender} shut its side down (FIN, or the channel closed). */
  public void onClose(Direction sender, long timeNanos) {
    if (ended || !decoding) {
      return;
    }
    try {
      decoder.onClose(sender, timeNanos);
    } catch (RuntimeException | StackOverflowError e) {
      decoderFailed(e, timeNanos);
    }
  }

  /** Time passed: runs the detectors' timers (an unanswered PING). */
  public void onTick(long timeNanos) {
    if (ended || detectorsFailed) {
      return;
    }
    try {
      detectors.onTick(timeNanos);
    } catch (RuntimeException e) {
      detectorsFailed(e, timeNanos);
    }
  }

  /** A finding from outside the decoder, e.g. the proxy's {@code UPSTREAM_UNREACHABLE}. */
  public void report(Finding finding) {
    finding(finding);
  }

  /**
   * The connection is gone: ends decoding (calls still open end as interrupted), then tells the listeners. Calling
   * it again does nothing.
   */
  public void onEnd(long timeNanos) {
    if (ended) {
      return;
    }
    if (decoding) {
      try {
        decoder.onEnd(timeNanos);
      } catch (RuntimeException | StackOverflowError e) {
        decoderFailed(e, timeNanos);
      }
    }
    ended = true;
    for (int i = 0; i < listeners.size(); i++) {
      if (!failed[i]) {
        try {
          listeners.get(i).onClosed(connection);
        } catch (RuntimeException e) {
          failed[i] = true;
        }
      }
    }
  }

  private void event(Event event) {
    for (int i = 0; i < listeners.size(); i++) {
      if (!failed[i]) {
        try {
          listeners.get(i).onEvent(connection, event);
        } catch (RuntimeException e) {
          listenerFailed(i, e, event.timeNanos());
        }
      }
    }
    if (!detectorsFailed) {
      try {
        detectors.onEvent(event);
      } catch (RuntimeException e) {
        detectorsFailed(e, event.timeNanos());
      }
    }
  }

  private void finding(Finding finding) {
    for (int i = 0; i < listeners.size(); i++) {
      if (!failed[i]) {
        try {
          listeners.get(i).onFinding(connection, finding);
        } catch (RuntimeException e) {
          listenerFailed(i, e, finding.timeNanos());
        }
      }
    }
  }

  private void decoderFailed(Throwable e, long timeNanos) {
    decoding = false;
    finding(new Finding(timeNanos, Severity.ERROR, FindingCode.DECODER_FAILURE, 0,
        "the decoder failed on this connection (" + e + "); the lens keeps forwarding its bytes but shows no more "
            + "of it",
        "a bug in the lens: report it with a capture of the connection", List.of(decoder.frameCount())));
  }

  private void detectorsFailed(RuntimeException e, long timeNanos) {
    detectorsFailed = true;
    finding(new Finding(timeNanos, Severity.ERROR, FindingCode.LISTENER_FAILURE, 0,
        "the detectors failed on this connection (" + e + "); no more findings for it",
        "a bug in the lens: report it with a capture of the connection", List.of()));
  }

  private void listenerFailed(int index, RuntimeException e, long timeNanos) {
    failed[index] = true;
    finding(new Finding(timeNanos, Severity.ERROR, FindingCode.LISTENER_FAILURE, 0,
        "listener " + listeners.get(index).getClass().getSimpleName() + " failed (" + e
            + ") and gets no more events of this connection", "", List.of()));
  }
}

package dev.gatehouse.cli;

import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.gateway.config.TraceConfig;
import dev.gatehouse.gateway.trace.Sender;
import dev.gatehouse.gateway.trace.TapConnection;
import dev.gatehouse.gateway.trace.UpstreamTap;
import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.lens.OutputFormat;
import dev.gatehouse.lens.render.Redaction;
import dev.gatehouse.lens.tap.LensTap;
import dev.gatehouse.lens.tap.TappedConnection;
import dev.gatehouse.lens.ui.LensUi;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * The lens behind the gateway's upstream tap ({@code gatehouse serve --trace}, {@code X-Gatehouse-Trace: 1}): each
 * traced upstream connection becomes a lens connection, the gateway being the client and the backend the server,
 * shown in the lens's text or JSON Lines output and, with {@code --ui}, in its live view, credentials and cookies
 * redacted unless {@code --trace-show-secrets}. This adapter is the only
 * place that knows both the gateway and the lens, so neither depends on the other.
 */
final class UpstreamTrace implements UpstreamTap, AutoCloseable {
  private final LensTap lens;
  private final LensUi view;

  private UpstreamTrace(LensTap lens, LensUi view) {
    this.lens = lens;
    this.view = view;
  }

  /**
   * Opens the trace's output and starts its view, as {@code trace} says.
   *
   * @param catalog the backend's descriptors, to show messages as JSON
   * @param metadataPrefix the prefix under which the gateway forwards headers as metadata: the copies of credentials
   *     and cookies under it are redacted as well
   * @throws java.io.UncheckedIOException when the output cannot be opened or the view's address bound
   */
  static UpstreamTrace start(TraceConfig trace, ServiceCatalog catalog, String metadataPrefix) {
    Redaction redaction = trace.showSecrets() ? Redaction.NONE : Redaction.DEFAULT.withPrefix(metadataPrefix);
    LensUi view = trace.ui() == null ? null : LensUi.start(trace.ui().toString(), catalog, redaction);
    try {
      LensTap.Builder lens = LensTap.builder()
          .catalog(catalog)
          .format(OutputFormat.parse(trace.format()))
          .output(trace.output())
          .redaction(redaction)
          .locateBy(UpstreamTap.TRACE_ID_KEY);
      if (view != null) {
        lens.listener(view.listener());
      }
      return new UpstreamTrace(lens.build(), view);
    } catch (RuntimeException e) {
      if (view != null) {
        view.close();
      }
      throw e;
    }
  }

  /** The live view's address, or {@code null} without {@code --ui}. */
  URI viewUri() {
    return view == null ? null : view.uri();
  }

  @Override
  public TapConnection open(InetSocketAddress gateway, InetSocketAddress backend) {
    TappedConnection connection = lens.open(text(gateway), text(backend));
    return new TapConnection() {
      @Override
      public void onBytes(Sender sender, ByteBuf chunk) {
        connection.onBytes(direction(sender), chunk);
      }

      @Override
      public void onClose(Sender sender) {
        connection.onClose(direction(sender));
      }

      @Override
      public void onTick() {
        connection.onTick();
      }

      @Override
      public void onEnd() {
        connection.onEnd();
      }
    };
  }

  @Override
  public String locate(String traceId) {
    return lens.locate(traceId);
  }

  /** Flushes the output and stops the view. */
  @Override
  public void close() {
    lens.close();
    if (view != null) {
      view.close();
    }
  }

  /** The gateway opens the upstream connections: it is the HTTP/2 client. */
  private static Direction direction(Sender sender) {
    return sender == Sender.GATEWAY ? Direction.CLIENT : Direction.SERVER;
  }

  private static String text(InetSocketAddress address) {
    String host = address.getHostString();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }
}

package dev.gatehouse.h2.frame;

import java.util.List;

/**
 * A SETTINGS frame (RFC 9113 §6.5): the parameters in wire order (an identifier may repeat; the last one wins), or
 * none for an ACK.
 *
 * @param streamId the stream (0 unless the peer is broken)
 * @param length the payload length
 * @param flags ACK
 * @param settings the parameters in wire order
 */
public record SettingsFrame(int streamId, int length, Flags flags, List<Setting> settings) implements Http2Frame {

  public SettingsFrame {
    settings = List.copyOf(settings);
  }

  @Override
  public FrameType type() {
    return FrameType.SETTINGS;
  }

  /** Whether this frame acknowledges the peer's SETTINGS. */
  public boolean ack() {
    return flags.has(Flags.ACK);
  }
}

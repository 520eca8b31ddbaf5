package dev.gatehouse.h2.connection;

import dev.gatehouse.h2.flow.FlowControlLedger;
import dev.gatehouse.h2.frame.Setting;
import dev.gatehouse.h2.hpack.HpackDecoder;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings one endpoint has advertised, as two views: the latest advertised values (what the peer will see
 * next) and the values in force (acknowledged by the peer). Unset parameters have RFC 9113's initial values. The
 * SETTINGS frames between the two views, sent and not yet acknowledged, wait here in order.
 *
 * @see ConnectionDecoder#settings
 */
public final class PeerSettings {

  /** RFC 9113's parameters 1..6 are read for every frame: kept in arrays by identifier, unboxed; others in maps. */
  private static final int LAST_RFC_ID = Setting.MAX_HEADER_LIST_SIZE;

  private final Map<Integer, Long> advertised = new HashMap<>();
  private final Map<Integer, Long> inForce = new HashMap<>();
  private final ArrayDeque<Sent> awaitingAck = new ArrayDeque<>();
  private final long[] advertisedRfc = initialValues();
  private final long[] inForceRfc = initialValues();

  PeerSettings() {}

  /** A SETTINGS frame (not an ACK) sent: its values are advertised and await the peer's ACK. */
  void advertise(List<Setting> settings, long seq, long timeNanos) {
    for (Setting setting : settings) {
      advertise(setting);
    }
    awaitingAck.addLast(new Sent(seq, timeNanos, settings));
  }

  /**
   * The peer acknowledged SETTINGS: the oldest frame awaiting an ACK, whose values the caller then {@link #apply
   * applies}, or {@code null} when none was awaiting one.
   */
  Sent acknowledged() {
    return awaitingAck.pollFirst();
  }

  private void advertise(Setting setting) {
    if (isRfc(setting.id())) {
      advertisedRfc[setting.id()] = setting.value();
    } else {
      advertised.put(setting.id(), setting.value());
    }
  }

  void apply(Setting setting) {
    if (isRfc(setting.id())) {
      inForceRfc[setting.id()] = setting.value();
    } else {
      inForce.put(setting.id(), setting.value());
    }
  }

  /** The acknowledged value of a parameter, or its RFC 9113 initial value ({@code -1} for "unlimited"). */
  public long inForce(int id) {
    return isRfc(id) ? inForceRfc[id] : inForce.getOrDefault(id, initialValue(id));
  }

  /** The latest advertised value of a parameter (acknowledged or not), or its initial value. */
  public long advertised(int id) {
    return isRfc(id) ? advertisedRfc[id] : advertised.getOrDefault(id, initialValue(id));
  }

  private static boolean isRfc(int id) {
    return id >= 1 && id <= LAST_RFC_ID;
  }

  private static long[] initialValues() {
    long[] values = new long[LAST_RFC_ID + 1];
    for (int id = 1; id <= LAST_RFC_ID; id++) {
      values[id] = initialValue(id);
    }
    return values;
  }

  /**
   * RFC 9113 §6.5.2 initial values; -1 stands for "unlimited" (MAX_CONCURRENT_STREAMS, MAX_HEADER_LIST_SIZE) and
   * for unknown parameters.
   */
  private static long initialValue(int id) {
    switch (id) {
      case Setting.HEADER_TABLE_SIZE:
        return HpackDecoder.DEFAULT_TABLE_SIZE;
      case Setting.ENABLE_PUSH:
        return 1;
      case Setting.INITIAL_WINDOW_SIZE:
        return FlowControlLedger.DEFAULT_WINDOW;
      case Setting.MAX_FRAME_SIZE:
        return 16_384;
      default:
        return -1;
    }
  }

  /** What is wrong with an advertised value (RFC 9113 §6.5.2), or {@code null} when it is valid. */
  static String invalid(Setting setting) {
    switch (setting.id()) {
      case Setting.ENABLE_PUSH:
        return setting.value() > 1 ? "expected 0 or 1" : null;
      case Setting.INITIAL_WINDOW_SIZE:
        return setting.value() > Integer.MAX_VALUE ? "expected at most 2^31-1" : null;
      case Setting.MAX_FRAME_SIZE:
        return setting.value() < 16_384 || setting.value() > 16_777_215 ? "expected 16384..16777215" : null;
      default:
        return null;
    }
  }

  /** A SETTINGS frame awaiting its ACK. */
  record Sent(long seq, long timeNanos, List<Setting> settings) {}
}

package dev.gatehouse.h2.connection;

import dev.gatehouse.h2.frame.Setting;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings one endpoint has advertised, as two views: the latest advertised values (what the peer will see
 * next) and the values in force (acknowledged by the peer). Unset parameters have RFC 9113's initial values.
 *
 * @see ConnectionDecoder#settings
 */
public final class PeerSettings {

  private final Map<Integer, Long> advertised = new LinkedHashMap<>();
  private final Map<Integer, Long> inForce = new LinkedHashMap<>();

  PeerSettings() {}

  void advertise(Setting setting) {
    advertised.put(setting.id(), setting.value());
  }

  void apply(Setting setting) {
    inForce.put(setting.id(), setting.value());
  }

  /** The acknowledged value of a parameter, or its RFC 9113 initial value ({@code -1} for "unlimited"). */
  public long inForce(int id) {
    return inForce.getOrDefault(id, initialValue(id));
  }

  /** The latest advertised value of a parameter (acknowledged or not), or its initial value. */
  public long advertised(int id) {
    return advertised.getOrDefault(id, initialValue(id));
  }

  /** The acknowledged parameters, by identifier, in first-seen order. */
  public Map<Integer, Long> inForceValues() {
    return Collections.unmodifiableMap(inForce);
  }

  /**
   * RFC 9113 §6.5.2 initial values; -1 stands for "unlimited" (MAX_CONCURRENT_STREAMS, MAX_HEADER_LIST_SIZE) and
   * for unknown parameters.
   */
  public static long initialValue(int id) {
    switch (id) {
      case Setting.HEADER_TABLE_SIZE:
        return 4096;
      case Setting.ENABLE_PUSH:
        return 1;
      case Setting.INITIAL_WINDOW_SIZE:
        return 65_535;
      case Setting.MAX_FRAME_SIZE:
        return 16_384;
      default:
        return -1;
    }
  }
}

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

  /** RFC 9113's parameters 1..6 are read for every frame; they are kept by identifier, without boxing. */
  private static final int LAST_RFC_ID = Setting.MAX_HEADER_LIST_SIZE;

  private final Map<Integer, Long> advertised = new LinkedHashMap<>();
  private final Map<Integer, Long> inForce = new LinkedHashMap<>();
  private final long[] advertisedRfc = initialValues();
  private final long[] inForceRfc = initialValues();

  PeerSettings() {}

  void advertise(Setting setting) {
    advertised.put(setting.id(), setting.value());
    if (isRfc(setting.id())) {
      advertisedRfc[setting.id()] = setting.value();
    }
  }

  void apply(Setting setting) {
    inForce.put(setting.id(), setting.value());
    if (isRfc(setting.id())) {
      inForceRfc[setting.id()] = setting.value();
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

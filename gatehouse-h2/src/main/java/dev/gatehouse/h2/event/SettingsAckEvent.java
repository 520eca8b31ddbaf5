package dev.gatehouse.h2.event;

import dev.gatehouse.h2.frame.Setting;
import java.util.List;

/**
 * A SETTINGS ACK paired with the SETTINGS it acknowledges (the oldest unacknowledged one from the other side). From
 * this moment the settings are in force for the sender of the SETTINGS frame.
 *
 * @param timeNanos when the ACK arrived
 * @param direction who sent the ACK
 * @param settingsSeq the acknowledged SETTINGS frame
 * @param ackSeq the ACK frame
 * @param rttNanos time from the SETTINGS to its ACK (as seen at the lens)
 * @param settings the settings now in force
 */
public record SettingsAckEvent(long timeNanos, Direction direction, long settingsSeq, long ackSeq, long rttNanos,
    List<Setting> settings) implements Event {

  public SettingsAckEvent {
    settings = List.copyOf(settings);
  }
}

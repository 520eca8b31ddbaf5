package dev.gatehouse.h2.event;

/** What changed a flow-control window. */
public enum WindowCause {
  /** DATA consumed the window (its whole payload, padding included). */
  DATA,
  /** A WINDOW_UPDATE from the receiver grew it. */
  WINDOW_UPDATE,
  /** The receiver's SETTINGS_INITIAL_WINDOW_SIZE changed, shifting every stream window by the difference. */
  SETTINGS
}

package dev.gatehouse.gateway.health;

import io.grpc.Status;

/**
 * What a health check found.
 *
 * @param status the backend's serving status by its {@code grpc.health.v1} name: {@code SERVING},
 *     {@code NOT_SERVING}, {@code UNKNOWN} or {@code SERVICE_UNKNOWN}; {@code NOT_SERVING} when the check failed
 * @param failure the status of a failed check (the backend unreachable, the check timed out), or {@code null}
 */
public record HealthStatus(String status, Status failure) {
  public static final HealthStatus SERVING = new HealthStatus("SERVING", null);
  public static final HealthStatus NOT_SERVING = new HealthStatus("NOT_SERVING", null);

  static HealthStatus fromServingStatus(int number) {
    return switch (number) {
      case 1 -> SERVING;
      case 2 -> NOT_SERVING;
      case 3 -> new HealthStatus("SERVICE_UNKNOWN", null);
      default -> new HealthStatus("UNKNOWN", null);
    };
  }

  static HealthStatus failed(Status failure) {
    return new HealthStatus("NOT_SERVING", failure);
  }

  public boolean isServing() {
    return failure == null && status.equals("SERVING");
  }
}

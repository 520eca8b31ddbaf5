/**
 * The gateway's health endpoint: asks the backend's standard {@code grpc.health.v1.Health} service, and falls back
 * to the state of the upstream channel when the backend has none.
 */
package dev.gatehouse.gateway.health;

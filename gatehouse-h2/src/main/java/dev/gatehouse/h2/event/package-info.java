/**
 * The events a {@link dev.gatehouse.h2.connection.ConnectionDecoder} reports: one sealed {@link
 * dev.gatehouse.h2.event.Event} hierarchy that every output, detector and test listens to. For each frame the
 * {@link dev.gatehouse.h2.event.FrameEvent} comes first, then the events it caused (state transitions, window
 * changes, settings and ping round trips, gRPC messages, call ends, violations), in that order.
 */
package dev.gatehouse.h2.event;

/**
 * One HTTP/2 connection seen from between its endpoints: {@link dev.gatehouse.h2.connection.ConnectionDecoder}
 * takes each direction's bytes as TCP delivers them and reports {@link dev.gatehouse.h2.event.Event}s to a {@link
 * dev.gatehouse.h2.connection.ConnectionListener}, tracking both endpoints' settings, HPACK tables, stream states,
 * flow-control windows and gRPC calls.
 */
package dev.gatehouse.h2.connection;

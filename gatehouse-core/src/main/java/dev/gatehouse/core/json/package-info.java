/**
 * The proto3 JSON mapping, straight between JSON bytes and protobuf wire bytes: {@link
 * dev.gatehouse.core.json.ProtoJson} compiles a plan per message type once and then transcodes with Jackson's
 * streaming parser and generator, without reflection, {@code DynamicMessage} or a JSON tree. Its output equals
 * protobuf-java-util's {@code JsonFormat} byte for byte in compact form; see {@code docs/mapping.md} for the few
 * deliberate differences on input.
 */
package dev.gatehouse.core.json;

/**
 * gRPC methods whose messages stay plain bytes, for backends that answer precomputed or hand-encoded messages
 * without generated classes: {@link dev.gatehouse.testing.raw.RawBytesMarshaller#unaryMethod(String, String)}.
 */
package dev.gatehouse.testing.raw;

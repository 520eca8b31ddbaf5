/**
 * HTTP/2 frames as RFC 9113 §6 defines them: one record per frame type in the sealed {@link
 * dev.gatehouse.h2.frame.Http2Frame} hierarchy, {@link dev.gatehouse.h2.frame.Flags} with every bit named (unknown
 * bits shown raw), {@link dev.gatehouse.h2.frame.ErrorCode} and {@link dev.gatehouse.h2.frame.Setting} by name, and
 * {@link dev.gatehouse.h2.frame.Http2FrameParser}, which turns one complete frame's bytes into a record and never
 * throws on the unknown or the malformed.
 */
package dev.gatehouse.h2.frame;

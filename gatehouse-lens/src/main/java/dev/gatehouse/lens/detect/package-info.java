/**
 * Detectors: listeners of a connection's decoder events that explain what went wrong in plain words, as {@link
 * dev.gatehouse.lens.detect.Finding}s with the evidence frames and a likely fix. Every finding code is listed in
 * {@link dev.gatehouse.lens.detect.FindingCode} and documented in {@code docs/lens-format.md}.
 */
package dev.gatehouse.lens.detect;

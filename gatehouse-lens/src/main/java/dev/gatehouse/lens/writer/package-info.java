/**
 * The lens's writer thread: a queue bounded by the size of what waits in it, drained by one thread that writes to a
 * file, a pipe or a terminal, so an event loop never waits for the destination. The text and JSON Lines outputs
 * ({@code dev.gatehouse.lens.output}) and the binary log ({@code dev.gatehouse.lens.binlog}) each write through one.
 */
package dev.gatehouse.lens.writer;

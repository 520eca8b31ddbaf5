/**
 * Benchmarks: JMH micro-benchmarks of the pure modules, and the programs the load scripts in
 * {@code gatehouse-bench/scripts} start (backends answering precomputed messages, a gateway, request payloads).
 * Figures and the commands that produced them are in {@code docs/benchmarks.md}.
 */
package dev.gatehouse.bench;

/**
 * The {@code gatehouse} command: parses the command line into picocli commands, each of which builds its
 * configuration and hands it to the gateway or the lens.
 */
package dev.gatehouse.cli;

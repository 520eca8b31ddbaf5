/**
 * The gateway's configuration: one immutable {@link dev.gatehouse.gateway.config.GatewayConfig} built from flags or
 * read from a YAML file, validated where it is built so a bad value stops start-up with a message naming it.
 */
package dev.gatehouse.gateway.config;

/**
 * The demo bookstore: an in-memory gRPC service that {@code gatehouse demo} puts behind the gateway, so a newcomer
 * can try every mapping rule with curl.
 */
package dev.gatehouse.cli.demo;

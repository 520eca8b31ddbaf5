/**
 * The string forms of the proto3 JSON mapping's well-known types: RFC 3339 timestamps, {@code "1.5s"} durations,
 * camelCase field masks and base64 bytes, and which message types are well-known at all. Pure functions shared by the JSON transcoder and the request binder (path
 * and query parameters use the same forms), so a value is read the same way wherever it comes from.
 */
package dev.gatehouse.core.wellknown;

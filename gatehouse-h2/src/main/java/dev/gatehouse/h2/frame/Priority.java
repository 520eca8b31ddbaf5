package dev.gatehouse.h2.frame;

/**
 * The deprecated RFC 7540 priority fields carried by PRIORITY frames and by HEADERS with the PRIORITY flag.
 *
 * @param exclusive the E bit
 * @param streamDependency the stream this one depends on
 * @param weight the weight, 1..256 (the wire value plus one)
 */
public record Priority(boolean exclusive, int streamDependency, int weight) {}

/**
 * Request binding: an HTTP request's JSON body, path variables and query parameters become the upstream gRPC request
 * message, as protobuf wire bytes. {@link dev.gatehouse.core.binding.RequestBinder} writes the body's encoding, then
 * appends the path variables' and the query parameters' encodings, relying on protobuf's merge of concatenated
 * encodings instead of building a message object. See {@code docs/mapping.md}, "Request binding".
 */
package dev.gatehouse.core.binding;

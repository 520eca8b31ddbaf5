/**
 * Service descriptors loaded at run time: a {@code FileDescriptorSet} file becomes a {@link
 * dev.gatehouse.core.descriptor.ServiceCatalog} of services, methods and message types; {@link
 * dev.gatehouse.core.descriptor.FieldPath} addresses a field inside a message.
 */
package dev.gatehouse.core.descriptor;

package dev.gatehouse.core.descriptor;

/** A descriptor set that cannot be loaded; the message says which file and why, in words for the operator. */
public final class DescriptorLoadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DescriptorLoadException(String message) {
    super(message);
  }

  public DescriptorLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}

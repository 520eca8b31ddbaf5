package dev.gatehouse.lens.render;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which header and metadata values every lens output hides ({@code docs/lens-format.md}, "Secrets"): the one place
 * the text and JSON Lines outputs, the live view, gateway traces and the binary log ask before printing a value. The
 * decoder reports values as sent; hiding them here keeps sizes and HPACK accounting exact.
 *
 * <p>A gateway forwards {@code Authorization} as {@code authorization} and again under its metadata prefix
 * ({@code grpcgateway-authorization}), and the copy is as secret as the original: the default hides the names under
 * grpc-gateway's prefix too, and {@link #withPrefix} adds another's.
 *
 * <p>A hidden value prints as {@code <redacted: N bytes>}, or {@code <redacted: N bytes, SCHEME …>} for an
 * {@code authorization} or {@code proxy-authorization} value (prefixed or not) that starts with an auth scheme
 * ({@code Bearer}, {@code Basic}, …): enough to see that a credential was sent, of what kind and size, without
 * revealing it. No hash of the value is shown, since a hash of a short password or cookie could be guessed offline.
 *
 * @param names the lower-case header names whose values are hidden; empty to show everything
 *     ({@code --show-secrets})
 */
public record Redaction(Set<String> names) {

  /** The names hidden by default. */
  public static final Set<String> DEFAULT_NAMES = Set.of("authorization", "proxy-authorization", "cookie",
      "set-cookie", "x-api-key", "x-auth-token");

  /** The default: the values of {@link #DEFAULT_NAMES} are hidden, also under grpc-gateway's {@code grpcgateway-}. */
  public static final Redaction DEFAULT = new Redaction(DEFAULT_NAMES).withPrefix("grpcgateway-");

  /** Nothing hidden ({@code --show-secrets}). */
  public static final Redaction NONE = new Redaction(Set.of());

  /** An RFC 9110 auth-scheme (a token) followed by a space: what is kept of an authorization value. */
  private static final Pattern AUTH_SCHEME = Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+) ");

  public Redaction {
    names = Set.copyOf(Objects.requireNonNull(names, "names"));
    for (String name : names) {
      if (name.isEmpty() || !name.equals(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("redacted name: \"" + name + "\" (expected: a lower-case header name)");
      }
    }
  }

  /** The default names and {@code more} (any case; HTTP/2 field names are lower case on the wire). */
  public static Redaction defaultsAnd(Set<String> more) {
    return new Redaction(Stream.concat(DEFAULT.names.stream(), more.stream().map(n -> n.toLowerCase(Locale.ROOT)))
        .collect(Collectors.toSet()));
  }

  /** These names, and each of them under {@code prefix} (lower-cased), as a gateway forwards them. */
  public Redaction withPrefix(String prefix) {
    String lower = prefix.toLowerCase(Locale.ROOT);
    return new Redaction(Stream.concat(names.stream(), names.stream().map(name -> lower + name))
        .collect(Collectors.toSet()));
  }

  /** Whether the value of header {@code name} is hidden. */
  public boolean hides(String name) {
    return names.contains(name);
  }

  /** {@code value} as the outputs print it: unchanged, or the redacted text when {@code name}'s value is hidden. */
  public String value(String name, String value) {
    if (!hides(name)) {
      return value;
    }
    // HPACK values are decoded as ISO-8859-1, one char per byte, so the length is the size on the wire.
    StringBuilder text = new StringBuilder("<redacted: ").append(value.length()).append(" bytes");
    if (name.endsWith("authorization")) {
      Matcher scheme = AUTH_SCHEME.matcher(value);
      if (scheme.lookingAt()) {
        text.append(", ").append(scheme.group(1)).append(" …");
      }
    }
    return text.append('>').toString();
  }
}

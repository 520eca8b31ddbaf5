package dev.gatehouse.lens.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The page's files, read once from the classpath ({@code dev/gatehouse/lens/ui/}). Only the files named here are
 * served, so a request path never reaches the class loader.
 */
final class PageResources {

  /** A file of the page and its media type. */
  record Resource(String contentType, byte[] bytes) {}

  private static final String BASE = "/dev/gatehouse/lens/ui/";
  private static final String[] FILES = {
      "index.html", "style.css", "app.js", "model.js", "ladder.js", "windows.js", "timeline.js", "cards.js",
      "filters.js", "dom.js", "source.js", "favicon.svg"};

  private final Map<String, Resource> byPath;

  private PageResources(Map<String, Resource> byPath) {
    this.byPath = byPath;
  }

  /** Reads every file of the page. */
  static PageResources load() {
    Map<String, Resource> byPath = new LinkedHashMap<>();
    for (String file : FILES) {
      byPath.put("/" + file, new Resource(contentType(file), read(file)));
    }
    byPath.put("/", byPath.get("/index.html"));
    return new PageResources(byPath);
  }

  /** The file served at {@code path} (without the query), or {@code null}. */
  Resource find(String path) {
    return byPath.get(path);
  }

  private static byte[] read(String file) {
    try (InputStream in = PageResources.class.getResourceAsStream(BASE + file)) {
      if (in == null) {
        throw new IllegalStateException("the lens's page is incomplete: " + BASE + file + " is not on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + BASE + file, e);
    }
  }

  private static String contentType(String file) {
    if (file.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (file.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    if (file.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    if (file.endsWith(".svg")) {
      return "image/svg+xml";
    }
    throw new IllegalArgumentException("file: " + file + " (expected: .html, .css, .js or .svg)");
  }
}

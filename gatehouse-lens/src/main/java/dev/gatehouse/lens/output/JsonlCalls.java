package dev.gatehouse.lens.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gatehouse.h2.event.CallEndEvent;
import dev.gatehouse.h2.event.CallStartEvent;
import dev.gatehouse.h2.event.ResponseHeadersEvent;
import dev.gatehouse.h2.event.TrailersEvent;
import dev.gatehouse.h2.grpc.GrpcStatus;
import dev.gatehouse.h2.grpc.Metadata;
import dev.gatehouse.lens.detect.ClientStatus;
import dev.gatehouse.lens.observe.LensConnection;
import dev.gatehouse.lens.render.PayloadRenderer;
import dev.gatehouse.lens.render.Redaction;
import dev.gatehouse.lens.render.Rendered;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** The keys of the gRPC call lines in JSON Lines: call_start, response_headers, trailers and call. */
final class JsonlCalls {

  private JsonlCalls() {}

  static void start(JsonGenerator json, LensConnection connection, CallStartEvent start, Redaction redaction)
      throws IOException {
    json.writeNumberField("stream", start.streamId());
    json.writeNumberField("seq", start.frameSeq());
    json.writeStringField("method", start.method());
    json.writeStringField("http_method", start.httpMethod());
    json.writeStringField("authority", start.authority());
    json.writeStringField("content_type", start.contentType());
    json.writeStringField("te", start.te());
    json.writeStringField("user_agent", start.userAgent());
    json.writeStringField("timeout", start.rawTimeout());
    if (start.timeout() != null) {
      json.writeNumberField("timeout_ms", start.timeout().toNanos() / 1e6);
      json.writeStringField("deadline", JsonlOutput.TIME.format(connection.wallTime(start.deadlineNanos())));
    }
    json.writeStringField("grpc_encoding", start.grpcEncoding());
    json.writeStringField("grpc_accept_encoding", start.grpcAcceptEncoding());
    json.writeBooleanField("grpc", start.grpc());
    json.writeBooleanField("end_stream", start.endStream());
    metadata(json, start.metadata(), redaction);
  }

  static void response(JsonGenerator json, ResponseHeadersEvent response, Redaction redaction)
      throws IOException {
    json.writeNumberField("stream", response.streamId());
    json.writeNumberField("seq", response.frameSeq());
    json.writeStringField("method", response.method());
    json.writeNumberField("http_status", response.httpStatus());
    json.writeStringField("content_type", response.contentType());
    json.writeStringField("grpc_encoding", response.grpcEncoding());
    json.writeStringField("grpc_accept_encoding", response.grpcAcceptEncoding());
    metadata(json, response.metadata(), redaction);
  }

  static void trailers(JsonGenerator json, TrailersEvent trailers, byte[] details, PayloadRenderer renderer,
      Redaction redaction) throws IOException {
    json.writeNumberField("stream", trailers.streamId());
    json.writeNumberField("seq", trailers.frameSeq());
    json.writeStringField("method", trailers.method());
    json.writeBooleanField("trailers_only", trailers.trailersOnly());
    if (trailers.trailersOnly()) {
      json.writeNumberField("http_status", trailers.httpStatus());
      json.writeStringField("content_type", trailers.contentType());
    }
    if (trailers.status() != null) {
      json.writeNumberField("status", trailers.status().code());
      json.writeStringField("status_name", trailers.status().name());
    } else {
      json.writeNullField("status");
    }
    json.writeStringField("message", trailers.message());
    if (details != null) {
      Rendered rendered = renderer.statusDetails(details);
      if (rendered.json() != null) {
        json.writeFieldName("details");
        json.writeRawValue(rendered.json());
      } else {
        json.writeStringField("details_error", rendered.note());
      }
    }
    metadata(json, trailers.metadata(), redaction);
  }

  static void end(JsonGenerator json, CallEndEvent end, Duration timeout) throws IOException {
    GrpcStatus status = ClientStatus.of(end, timeout);
    json.writeNumberField("stream", end.streamId());
    json.writeStringField("method", end.method());
    json.writeStringField("authority", end.authority());
    if (status != null) {
      json.writeNumberField("status", status.code());
      json.writeStringField("status_name", status.name());
    } else {
      json.writeNullField("status");
      json.writeNullField("status_name");
    }
    json.writeStringField("status_source", status == null ? null
        : end.statusFromTrailers() ? "trailers" : "derived");
    json.writeStringField("message", end.message());
    json.writeNumberField("duration_ms", end.durationNanos() / 1e6);
    json.writeStringField("ending", end.ending().name());
    json.writeNumberField("http_status", end.httpStatus());
    json.writeBooleanField("trailers_only", end.trailersOnly());
    if (end.resetCode() != null) {
      json.writeStringField("reset_code", end.resetCode().name());
      json.writeStringField("reset_by", end.resetBy() == null ? null : end.resetBy().label());
    }
    json.writeNumberField("request_messages", end.requestMessages());
    json.writeNumberField("response_messages", end.responseMessages());
    json.writeArrayFieldStart("frames");
    json.writeNumber(end.firstFrameSeq());
    json.writeNumber(end.lastFrameSeq());
    json.writeEndArray();
  }

  private static void metadata(JsonGenerator json, List<Metadata> metadata, Redaction redaction)
      throws IOException {
    json.writeArrayFieldStart("metadata");
    for (Metadata entry : metadata) {
      json.writeStartArray();
      json.writeString(entry.name());
      json.writeString(redaction.value(entry.name(), entry.value()));
      json.writeEndArray();
    }
    json.writeEndArray();
  }
}

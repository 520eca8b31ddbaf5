package dev.gatehouse.lens.ui;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One page's {@code /events}: Server-Sent Events replaying the {@link EventLog} from a line number, then following it.
 *
 * <p>Each page reads at its own pace from its own cursor: lines are written only while the channel is writable, so
 * a slow page holds no more than Netty's write buffer, and when it falls so far behind that the log has dropped the
 * lines it had yet to read, it gets a {@code dropped} event with their count and goes on from the oldest kept line.
 * Runs on the channel's event loop; {@link #wakeUp()} may be called from any thread.
 */
final class EventStream {

  /** Lines written per flush, at most: keeps one write bounded and lets other channels of the loop run. */
  private static final int BATCH = 64;

  private final Channel channel;
  private final EventLog log;
  private final String instance;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final Runnable wakeup = this::wakeUp;
  private long cursor;
  private boolean open;

  EventStream(Channel channel, EventLog log, String instance) {
    this.channel = channel;
    this.log = log;
    this.instance = instance;
  }

  /**
   * Answers the request and starts streaming after {@code lastEventId} (the page's {@code Last-Event-ID} when it
   * reconnects), or from the oldest kept line.
   */
  void start(String lastEventId) {
    long next = log.next();
    cursor = 1;
    if (lastEventId != null && lastEventId.matches("\\d{1,18}")) {
      long resume = Long.parseLong(lastEventId) + 1;
      cursor = resume <= next ? resume : 1; // a larger id comes from an earlier run of the lens
    }
    HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
        .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE)
        .set("X-Content-Type-Options", "nosniff");
    HttpUtil.setTransferEncodingChunked(response, true);
    channel.write(response);
    write("event: hello\ndata: {\"instance\":\"" + instance + "\",\"max_events\":" + log.capacity()
        + ",\"next\":" + next + "}\n\n");
    open = true;
    log.subscribe(wakeup);
    drain();
  }

  /** Schedules a drain on the channel's event loop unless one is pending. */
  void wakeUp() {
    if (scheduled.compareAndSet(false, true)) {
      channel.eventLoop().execute(this::drain);
    }
  }

  /** The channel can take more (or less) again. */
  void writabilityChanged() {
    if (channel.isWritable()) {
      drain();
    }
  }

  /** The page went away. */
  void stop() {
    open = false;
    log.unsubscribe(wakeup);
  }

  private void drain() {
    scheduled.set(false);
    while (open && channel.isActive() && channel.isWritable()) {
      EventLog.Batch batch = log.read(cursor, BATCH);
      StringBuilder text = new StringBuilder();
      if (batch.missed() > 0) {
        text.append("event: dropped\ndata: {\"count\":").append(batch.missed())
            .append(",\"evicted\":").append(log.evicted()).append("}\n\n");
      }
      long seq = batch.first();
      for (String line : batch.lines()) {
        text.append("id: ").append(seq++).append("\ndata: ").append(line).append("\n\n");
      }
      cursor = batch.next();
      if (text.length() == 0) {
        channel.flush();
        return;
      }
      write(text.toString());
      channel.flush();
    }
  }

  private void write(String text) {
    ByteBuf bytes = channel.alloc().buffer(text.length()).writeBytes(text.getBytes(StandardCharsets.UTF_8));
    channel.write(new DefaultHttpContent(bytes));
  }
}

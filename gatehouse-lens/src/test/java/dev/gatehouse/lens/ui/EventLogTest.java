package dev.gatehouse.lens.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventLogTest {

  @Test
  void readsFromAnyLineNumberInArrivalOrder() {
    EventLog log = new EventLog(10, 1_000);
    log.write("a");
    log.write("b");
    log.write("c");

    assertThat(log.read(1, 100).lines()).containsExactly("a", "b", "c");
    assertThat(log.read(2, 1)).isEqualTo(new EventLog.Batch(2, java.util.List.of("b"), 0));
    assertThat(log.read(4, 100).lines()).isEmpty();
    assertThat(log.next()).isEqualTo(4);
  }

  @Test
  void keepsTheLastLinesAndCountsWhatAReaderMissed() {
    EventLog log = new EventLog(3, 1_000);
    for (int i = 1; i <= 5; i++) {
      log.write("line " + i);
    }

    EventLog.Batch batch = log.read(1, 100);
    assertThat(batch.lines()).containsExactly("line 3", "line 4", "line 5");
    assertThat(batch.first()).isEqualTo(3);
    assertThat(batch.missed()).isEqualTo(2);
    assertThat(log.evicted()).isEqualTo(2);
    assertThat(log.read(4, 100).missed()).isZero();
  }

  @Test
  void evictsOldLinesToStayWithinTheCharacterLimit() {
    EventLog log = new EventLog(100, 10);
    log.write("12345");
    log.write("67890");
    log.write("abc");

    assertThat(log.read(1, 100).lines()).containsExactly("67890", "abc");
  }

  @Test
  void aLineLargerThanTheWholeLogIsLeftOutButNumbered() {
    EventLog log = new EventLog(100, 10);
    log.write("small");
    log.write("far too large for this log");
    log.write("next");

    EventLog.Batch batch = log.read(1, 100);
    assertThat(batch.lines()).containsExactly("next");
    assertThat(batch.first()).isEqualTo(3);
    assertThat(batch.missed()).isEqualTo(2);
  }

  @Test
  void wakesSubscribersOnEveryLineUntilTheyLeave() {
    EventLog log = new EventLog(10, 1_000);
    AtomicInteger wakeups = new AtomicInteger();
    Runnable wakeup = wakeups::incrementAndGet;
    log.subscribe(wakeup);
    log.write("a");
    log.write("b");
    log.unsubscribe(wakeup);
    log.write("c");

    assertThat(wakeups).hasValue(2);
  }

  @Test
  void ignoresLinesAfterClose() {
    EventLog log = new EventLog(10, 1_000);
    log.write("a");
    log.close();
    log.write("b");

    assertThat(log.read(1, 100).lines()).containsExactly("a");
  }

  @Test
  void rejectsLimitsBelowOne() {
    assertThatThrownBy(() -> new EventLog(0, 10)).hasMessage("maxEvents: 0 (expected: >= 1)");
    assertThatThrownBy(() -> new EventLog(10, 0)).hasMessage("maxChars: 0 (expected: >= 1)");
  }
}

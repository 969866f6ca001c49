/**
 * A shard's read counters: the current window's, the closed windows' sum, and the marks an event's "just before"
 * figures are measured from (the start of the window before the current one, the latest earlier event).
 */
import { addCounters, counterDifference, zeroCounters, type Counters } from './steps.js';

/** Counters as they were at read `read` (-1: no such read yet). */
interface CountersAt {
  read: number;
  counters: Counters;
}

export class WindowCounters {
  /** The current window's counters (the reads replay adds to them). */
  current: Counters = zeroCounters();
  private closed: Counters = zeroCounters();
  /** Where the window before the current one started, with the closed windows' counters then. */
  private previousWindow: CountersAt = { read: 0, counters: zeroCounters() };
  /** The read of the latest event and of the latest one at an earlier read, with the counters then. */
  private eventMark: CountersAt = { read: -1, counters: zeroCounters() };
  private priorEventMark: CountersAt = { read: -1, counters: zeroCounters() };

  /** Closes the window that started at read `start`; returns its counters. */
  closeWindow(start: number): Counters {
    const window = this.current;
    this.previousWindow = { read: start, counters: { ...this.closed } };
    addCounters(this.closed, window);
    this.current = zeroCounters();
    return window;
  }

  /**
   * The counters over the reads just before an event at read `reads`: from the start of the window before the
   * current one, or from the latest earlier event when that is later (events at one read share it).
   */
  beforeEvent(reads: number): { from: number; counters: Counters } {
    const now = addCounters({ ...this.closed }, this.current);
    if (this.eventMark.read !== reads) {
      this.priorEventMark = this.eventMark;
      this.eventMark = { read: reads, counters: now };
    }
    const mark = this.priorEventMark.read > this.previousWindow.read ? this.priorEventMark : this.previousWindow;
    return { from: mark.read, counters: counterDifference(now, mark.counters) };
  }
}

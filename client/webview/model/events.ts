// Pure: the events table at time t (aggregated like kubectl describe, or as a plain list) and event stepping.
import { aggregateEvents, eventAge, humanDuration, type Cause, type TraceEvent } from '../../../simulator/src/view';

export interface EventRow {
  /** Stable identity for reusing the row's element. */
  key: string;
  /** Time of the (latest) occurrence. */
  t: number;
  object: string;
  type: string;
  reason: string;
  /** `12s`, or `12s (x3 over 68s)` when aggregated. */
  age: string;
  count: number;
  source: string;
  message: string;
  cause?: Cause;
}

export interface EventOptions {
  aggregate: boolean;
  /** Only events of this object (e.g. `Pod/web-0`); all objects when absent. */
  object?: string | null;
}

/** Events with e.t ≤ t (the trace lists them in time order). */
function eventsUpTo(events: readonly TraceEvent[], t: number, object?: string | null): TraceEvent[] {
  const out: TraceEvent[] = [];
  for (const e of events) if (e.t <= t && (!object || e.object === object)) out.push(e);
  return out;
}

const COMBINED = '(combined from similar events): ';

export function eventRows(events: readonly TraceEvent[], t: number, opts: EventOptions): EventRow[] {
  const seen = eventsUpTo(events, t, opts.object);
  if (!opts.aggregate) {
    return seen.map((e, i) => {
      const row: EventRow = {
        key: `#${i}`,
        t: e.t,
        object: e.object,
        type: e.type,
        reason: e.reason,
        age: humanDuration(t - e.t),
        count: 1,
        source: e.source,
        message: e.message,
      };
      if (e.cause) row.cause = e.cause;
      return row;
    });
  }
  return aggregateEvents(seen).map((a) => {
    const row: EventRow = {
      key: JSON.stringify([
        a.object,
        a.type,
        a.reason,
        a.source,
        a.message.startsWith(COMBINED) ? COMBINED : a.message,
      ]),
      t: a.last,
      object: a.object,
      type: a.type,
      reason: a.reason,
      age: eventAge(a, t),
      count: a.count,
      source: a.source,
      message: a.message,
    };
    // The cause of the latest matching occurrence that has one.
    for (let i = seen.length - 1; i >= 0; i--) {
      const e = seen[i] as TraceEvent;
      if (e.object !== a.object || e.type !== a.type || e.reason !== a.reason || e.source !== a.source) continue;
      if (e.message !== a.message && a.message !== COMBINED + e.message && !a.message.startsWith(COMBINED)) continue;
      if (e.cause) {
        row.cause = e.cause;
        break;
      }
    }
    return row;
  });
}

/** The first event time strictly after t (1 ms tolerance), or null. */
export function nextEventTime(events: readonly TraceEvent[], t: number): number | null {
  let found: number | null = null;
  for (const e of events) if (e.t > t + 1e-3 && (found === null || e.t < found)) found = e.t;
  return found;
}

/** The last event time strictly before t (1 ms tolerance), or null. */
export function prevEventTime(events: readonly TraceEvent[], t: number): number | null {
  let found: number | null = null;
  for (const e of events) if (e.t < t - 1e-3 && (found === null || e.t > found)) found = e.t;
  return found;
}

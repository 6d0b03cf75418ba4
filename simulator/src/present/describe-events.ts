// The Events section of `kubectl describe`: the emitter's aggregation (client-go tools/record/events_cache.go)
// applied to the trace's individual events, then kubectl's DescribeEvents table.
import type { EventType, TraceEvent } from '../trace';
import { humanDuration } from './duration';

export interface AggregatedEvent {
  object: string;
  type: EventType;
  reason: string;
  /** Latest message (for combined events: `(combined from similar events): <latest message>`). */
  message: string;
  source: string;
  count: number;
  /** firstTimestamp / lastTimestamp, seconds since apply. */
  first: number;
  last: number;
}

export interface AggregateOptions {
  /**
   * EventAggregator: once 10 different messages with the same (source, object, type, reason) were seen, each
   * with less than 600 s since the previous one, further new messages are folded into one event whose message
   * starts with `(combined from similar events): `. Default true. client-go drops an arbitrary remembered
   * message at that point (PopAny); here the oldest one is dropped, so the result is deterministic.
   */
  combineSimilar?: boolean;
}

const MAX_SIMILAR = 10;
const SIMILAR_WINDOW = 600;
const COMBINED_PREFIX = '(combined from similar events): ';

/**
 * Identical events (same source, object, type, reason and message) become one event with a count and first/last
 * times, as the kubelet's event recorder does. The spam filter (token bucket per source+object) is not modelled.
 * Input in time order; output sorted like kubectl describe (by last timestamp; ties keep emission order).
 */
export function aggregateEvents(events: readonly TraceEvent[], opts?: AggregateOptions): AggregatedEvent[] {
  const combine = opts?.combineSimilar ?? true;
  const similar = new Map<string, { messages: Set<string>; last: number }>();
  const byKey = new Map<string, { ev: AggregatedEvent; lastIndex: number }>();
  let index = 0;
  for (const e of events) {
    const groupKey = JSON.stringify([e.source, e.object, e.type, e.reason]);
    let key = JSON.stringify([e.source, e.object, e.type, e.reason, e.message]);
    let message = e.message;
    if (combine) {
      let rec = similar.get(groupKey);
      if (!rec || e.t - rec.last > SIMILAR_WINDOW) rec = { messages: new Set(), last: e.t };
      rec.messages.add(e.message);
      rec.last = e.t;
      similar.set(groupKey, rec);
      if (rec.messages.size >= MAX_SIMILAR) {
        const oldest = rec.messages.values().next().value as string;
        rec.messages.delete(oldest);
        key = groupKey;
        message = COMBINED_PREFIX + e.message;
      }
    }
    const seen = byKey.get(key);
    if (seen) {
      seen.ev.count++;
      seen.ev.last = e.t;
      seen.ev.message = message;
      seen.lastIndex = index;
    } else {
      const ev: AggregatedEvent = {
        object: e.object,
        type: e.type,
        reason: e.reason,
        message,
        source: e.source,
        count: 1,
        first: e.t,
        last: e.t,
      };
      byKey.set(key, { ev, lastIndex: index });
    }
    index++;
  }
  return [...byKey.values()].sort((a, b) => a.ev.last - b.ev.last || a.lastIndex - b.lastIndex).map((x) => x.ev);
}

/** The Age cell: `12s`, or `12s (x3 over 68s)` for a repeated event. */
export function eventAge(ev: Pick<AggregatedEvent, 'count' | 'first' | 'last'>, now: number): string {
  const first = humanDuration(now - ev.first);
  return ev.count > 1 ? `${humanDuration(now - ev.last)} (x${ev.count} over ${first})` : first;
}

/** DescribeEvents as tab-separated lines (to be laid out by the describe tabwriter). */
export function describeEventLines(events: readonly AggregatedEvent[], now: number): string[] {
  if (events.length === 0) return ['Events:\t<none>'];
  const lines = ['Events:', '  Type\tReason\tAge\tFrom\tMessage', '  ----\t------\t----\t----\t-------'];
  for (const e of events) {
    lines.push(`  ${e.type}\t${e.reason}\t${eventAge(e, now)}\t${e.source}\t${e.message.trim()}`);
  }
  return lines;
}

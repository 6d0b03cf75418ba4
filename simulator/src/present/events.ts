// `podlab run --format events`: every event (and optionally every probe result) on one aligned line, in time order.
//
//    0s  Normal   Scheduled         Pod/web-0        Successfully assigned default/web-0 to node-1
//   25s  probe    liveness failure  Pod/web-0 [app]  dial tcp 10.244.0.5:8081: connect: connection refused
//   25s  Warning  Unhealthy         Pod/web-0        Liveness probe failed: dial tcp 10.244.0.5:8081: connect: connection refused
//                                                    ← because: no container of the pod listens on 8081; `app` listens on 8080
import type { Cause, ProbeRecord, TraceEvent } from '../trace';
import { plainSeconds } from './duration';

export interface EventsOptions {
  /** Probe results to interleave (a probe sorts before an event at the same time: it is usually its cause). */
  probes?: readonly ProbeRecord[];
  /** Which probe results to show; default 'all'. 'failures' hides successes. */
  probeResults?: 'all' | 'failures';
  /** Print ` ← because: <evidence>` under lines that carry a cause. */
  causes?: boolean;
  /** With `causes`: also print the manifest paths behind the cause (`   at: doc 0 spec.containers[0]…`). */
  causePaths?: boolean;
  /** Only this object (`Pod/web-0`); probes of that pod are kept. */
  object?: string;
  /** 'seconds' (default): `125.1s`, like the trace's `t` and describe's `t=`; 'clock': `2:05.1`, `1:02:05`. */
  time?: 'seconds' | 'clock';
}

/** A time as the timeline prints it (see EventsOptions.time). */
export function timelineTime(t: number, mode: 'seconds' | 'clock' = 'seconds'): string {
  if (mode === 'seconds') return `${plainSeconds(t)}s`;
  const ms = Math.round(t * 1000);
  const whole = Math.floor(ms / 1000);
  const frac = plainSeconds((ms % 1000) / 1000).slice(1); // '' or '.1'
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}${frac}` : `${m}:${s}${frac}`;
}

interface Row {
  t: number;
  cells: [string, string, string, string];
  cause?: Cause;
}

/**
 * The timeline text, without a trailing newline; `No events.` when there is nothing to show.
 * Columns: time (right-aligned), type (`Normal`, `Warning`, or `probe`), reason (for probes `<kind> <result>`),
 * object (for probes `Pod/<pod> [<container>]`), message. Two spaces between columns, no trailing spaces.
 */
export function formatEvents(events: readonly TraceEvent[], opts?: EventsOptions): string {
  const mode = opts?.time ?? 'seconds';
  const probeRows: Row[] = (opts?.probes ?? [])
    .filter((p) => !opts?.object || `Pod/${p.pod}` === opts.object)
    .filter((p) => opts?.probeResults !== 'failures' || p.result !== 'success')
    .map((p) => ({
      t: p.t,
      cells: ['probe', `${p.probe} ${p.result}`, `Pod/${p.pod} [${p.container}]`, p.message ?? ''],
      cause: p.cause,
    }));
  const eventRows: Row[] = events
    .filter((e) => !opts?.object || e.object === opts.object)
    .map((e) => ({ t: e.t, cells: [e.type, e.reason, e.object, e.message], cause: e.cause }));
  // Stable merge: by time; at equal times probes first, then each list in its own order.
  const rows: Row[] = [];
  let i = 0;
  let j = 0;
  while (i < probeRows.length || j < eventRows.length) {
    const p = probeRows[i];
    const e = eventRows[j];
    if (p && (!e || p.t <= e.t)) {
      rows.push(p);
      i++;
    } else if (e) {
      rows.push(e);
      j++;
    }
  }
  if (rows.length === 0) return 'No events.';

  const times = rows.map((r) => timelineTime(r.t, mode));
  const tw = Math.max(...times.map((s) => s.length));
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => (r.cells[c] as string).length)));
  const indent = 2 + tw + 2 + widths.reduce((a, w) => a + w + 2, 0);
  const out: string[] = [];
  rows.forEach((r, k) => {
    const [type, reason, object, message] = r.cells;
    const head = `  ${(times[k] as string).padStart(tw)}  ${type.padEnd(widths[0] as number)}  ${reason.padEnd(widths[1] as number)}  `;
    out.push((head + (message ? object.padEnd(widths[2] as number) + '  ' + message : object)).trimEnd());
    if (opts?.causes && r.cause) {
      out.push(' '.repeat(indent) + `← because: ${r.cause.evidence}`);
      if (opts.causePaths && r.cause.paths.length > 0) {
        out.push(' '.repeat(indent) + `   at: doc ${r.cause.doc} ${r.cause.paths.join(', ')}`);
      }
    }
  });
  return out.join('\n');
}

// `podlab run --format json` output: the trace as `JSON.stringify(trace, null, 2)` prints it, written in pieces so a
// trace larger than one JavaScript string (~512 MB: a year of a crash loop, every record listed) still prints, and,
// for long runs, with repeated events and probe results folded the way kubectl shows them (present/traceRepeats.ts).
import { foldEvents, foldProbes, type Trace } from '../../../simulator/src/index';

/** `--repeats`: list every record, fold repeats, or (default) fold only when the trace is long. */
export type RepeatsMode = 'all' | 'fold' | 'auto';
export const REPEATS_MODES: readonly RepeatsMode[] = ['all', 'fold', 'auto'];

/**
 * Events plus probe results a trace lists one by one under `--repeats auto`. A 10-minute run of an ordinary
 * manifest stays far below (hundreds); past it (hours of probes on many replicas, days of a crash loop) repeats
 * are folded, so a month of a crash loop prints a few megabytes instead of hundreds.
 */
export const LIST_EVERY_RECORD_UP_TO = 20_000;

/** The trace to print under `mode`, with `repeatsFolded: true` when repeats were folded. */
export function traceForJson(trace: Trace, mode: RepeatsMode): object {
  const fold =
    mode === 'fold' || (mode === 'auto' && trace.events.length + trace.probes.length > LIST_EVERY_RECORD_UP_TO);
  if (!fold) return trace;
  return { ...trace, events: foldEvents(trace.events), probes: foldProbes(trace.probes), repeatsFolded: true };
}

/** Pieces are flushed at about this size, each ending with a newline. */
const CHUNK = 1 << 20;

/** Writes `value` (a plain JSON object) exactly as `JSON.stringify(value, null, 2)`, in pieces ending with '\n'. */
export function writeJson(value: object, write: (piece: string) => void): void {
  let buffer = '';
  const emit = (s: string) => {
    buffer += s;
    if (buffer.length >= CHUNK && buffer.endsWith('\n')) {
      write(buffer);
      buffer = '';
    }
  };
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
  if (entries.length === 0) {
    write('{}');
    return;
  }
  emit('{\n');
  entries.forEach(([key, v], i) => {
    emit(`  ${JSON.stringify(key)}: `);
    if (Array.isArray(v) && v.length > 0) {
      emit('[\n');
      v.forEach((item: unknown, j) => {
        emit(`    ${indent(JSON.stringify(item ?? null, null, 2), '    ')}${j < v.length - 1 ? ',' : ''}\n`);
      });
      emit('  ]');
    } else emit(indent(JSON.stringify(v, null, 2), '  '));
    emit(i < entries.length - 1 ? ',\n' : '\n');
  });
  emit('}');
  write(buffer);
}

/** JSON.stringify's nested lines, moved right by `pad` (a JSON text has no raw newline inside a string). */
function indent(json: string, pad: string): string {
  return json.includes('\n') ? json.replace(/\n/g, `\n${pad}`) : json;
}

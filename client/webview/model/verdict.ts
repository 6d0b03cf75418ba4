// Pure: the verdict card's data — the moment the panel opens at, the card's lines — and the run's notes shown
// once (a note about a template's container comes once per pod from the simulator; the panel shows it once).
import type { PanelVerdict } from '../../src/panel/protocol';
import { worstVerdict, type TraceNote } from '../../../simulator/src/view';
import { clampTime } from './format';

/**
 * Where a newly opened run starts: the moment of the verdict that speaks for the run (a problem's first
 * showing, a healthy pod's Ready), so the first view already shows what will happen; the end of the run
 * when that verdict has no single moment (never Ready, unknown).
 */
export function openingTime(verdicts: readonly PanelVerdict[], until: number): number {
  const v = worstVerdict(verdicts);
  return clampTime(v?.at ?? until, until);
}

export const VERDICT_ICONS: Readonly<Record<PanelVerdict['outcome'], string>> = {
  problem: '✖',
  unknown: '?',
  healthy: '✔',
  completed: '✔',
};

/** The card's line: "CrashLoopBackOff from 35s — liveness probe: …", "outcome unknown: …". */
export function verdictLine(v: PanelVerdict): string {
  if (!v.reason) return v.headline;
  return `${v.headline}${v.outcome === 'unknown' ? ':' : ' —'} ${v.reason}`;
}

export interface ShownNote {
  level: TraceNote['level'];
  text: string;
  doc?: number;
  /** How many pods it was noted for (a template's container notes come once per pod). */
  pods: number;
}

/** The notes, each once: a container note by (document, container, note), any other by its message. */
export function shownNotes(notes: readonly TraceNote[]): ShownNote[] {
  const out = new Map<string, ShownNote>();
  for (const n of notes) {
    const key = n.container
      ? JSON.stringify([n.doc ?? null, n.container.name, n.container.note])
      : JSON.stringify([n.doc ?? null, n.message]);
    const seen = out.get(key);
    if (seen) {
      seen.pods++;
      continue;
    }
    const shown: ShownNote = {
      level: n.level,
      text: n.container ? `${n.container.name}: ${n.container.note}` : n.message,
      pods: 1,
    };
    if (n.doc !== undefined) shown.doc = n.doc;
    out.set(key, shown);
  }
  return [...out.values()];
}

// Pure: each probe's recent results up to t, for the ✓/✗ ticks.
import type { PanelPod } from '../../src/panel/protocol';
import {
  humanDuration,
  type Cause,
  type ProbeKind,
  type ProbeRecord,
  type ProbeResult,
} from '../../../simulator/src/view';
import { containerStatusMap, statusAt } from './pods';

export interface ProbeTick {
  t: number;
  result: ProbeResult;
  /** Tooltip: `t=25s failure: dial tcp …`. */
  title: string;
}

export interface ProbeLine {
  container: string;
  probe: string;
  /** The last `max` results up to t, oldest first. */
  ticks: ProbeTick[];
  total: number;
  failures: number;
  lastFailure: { t: number; message: string; cause?: Cause } | null;
  /**
   * The prober's count at t, from the last result (ProbeRecord.run/threshold): identical results in a row for
   * the container run it probed (`restartCount`). Null before the first result.
   */
  streak: { result: ProbeResult; run: number; threshold: number; restartCount: number } | null;
}

/** `✗ 2/3 in a row`, `✓ 5 in a row`: the prober's current count, as the kubelet keeps it. */
export function streakText(s: ProbeLine['streak']): string {
  if (s === null || s.run === 0) return '';
  if (s.result === 'failure') return `✗ ${Math.min(s.run, s.threshold)}/${s.threshold} in a row`;
  return `${tickSymbol(s.result)} ${s.run} in a row`;
}

export function tickSymbol(result: ProbeResult): string {
  return result === 'success' ? '✓' : result === 'failure' ? '✗' : '?';
}

const ORDER: ProbeKind[] = ['startup', 'liveness', 'readiness'];

/** One line per (container, probe kind) of the pod: the kinds the container declares, plus any with results. */
export function probeLines(pod: PanelPod, records: readonly ProbeRecord[], t: number, max = 10): ProbeLine[] {
  const lines = new Map<string, ProbeLine>();
  const key = (c: string, p: string): string => JSON.stringify([c, p]);
  for (const c of pod.containers) {
    const kinds = [...c.probes].sort((a, b) => ORDER.indexOf(a as ProbeKind) - ORDER.indexOf(b as ProbeKind));
    for (const p of kinds)
      lines.set(key(c.name, p), {
        container: c.name,
        probe: p,
        ticks: [],
        total: 0,
        failures: 0,
        lastFailure: null,
        streak: null,
      });
  }
  for (const r of records) {
    if (r.t > t || r.pod !== pod.name) continue;
    const k = key(r.container, r.probe);
    let line = lines.get(k);
    if (!line) {
      line = {
        container: r.container,
        probe: r.probe,
        ticks: [],
        total: 0,
        failures: 0,
        lastFailure: null,
        streak: null,
      };
      lines.set(k, line);
    }
    line.total++;
    if (r.run > 0) line.streak = { result: r.result, run: r.run, threshold: r.threshold, restartCount: r.restartCount };
    line.ticks.push({
      t: r.t,
      result: r.result,
      title: `t=${humanDuration(r.t)} ${r.result}${r.message ? `: ${r.message}` : ''}`,
    });
    if (line.ticks.length > max) line.ticks.shift();
    if (r.result === 'failure') {
      line.failures++;
      line.lastFailure = r.cause
        ? { t: r.t, message: r.message ?? '', cause: r.cause }
        : { t: r.t, message: r.message ?? '' };
    }
  }
  // A run that started after the last result has not been probed yet: its count starts from nothing.
  const now = containerStatusMap(statusAt(pod, t));
  for (const line of lines.values()) {
    const restarts = now.get(line.container)?.restartCount;
    if (line.streak !== null && restarts !== undefined && restarts > line.streak.restartCount) line.streak = null;
  }
  return [...lines.values()];
}

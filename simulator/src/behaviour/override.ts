// Scenario overrides: the user's statement of what the process does wins over the inferred model, field by field.
import type { ProcessModel } from './types';

export interface BehaviourOverride {
  listen?: number[];
  startupSeconds?: number;
  exit?: { afterSeconds: number; code: number };
  http?: Record<string, number>;
  memoryMi?: number;
  stopExitCode?: number;
  ignoreSigterm?: boolean;
}

export function applyOverride(m: ProcessModel, o: BehaviourOverride | undefined): ProcessModel {
  if (o === undefined || o === null || typeof o !== 'object') return m;
  const applied: string[] = [];
  const start =
    typeof o.startupSeconds === 'number' && Number.isFinite(o.startupSeconds)
      ? Math.max(0, o.startupSeconds)
      : undefined;
  if (Array.isArray(o.listen)) {
    m.listen = o.listen.filter((p) => Number.isInteger(p)).map((port) => ({ port, afterSeconds: start ?? 0 }));
    applied.push(`listens on ${o.listen.join(', ') || 'nothing'}`);
  } else if (start !== undefined) {
    m.listen = m.listen.map((l) => ({ ...l, afterSeconds: start }));
  }
  if (start !== undefined) {
    m.memoryAfterSeconds = start;
    applied.push(`starts answering after ${start}s`);
  }
  if (o.exit && typeof o.exit.afterSeconds === 'number' && typeof o.exit.code === 'number') {
    m.exit = { afterSeconds: o.exit.afterSeconds, code: o.exit.code, message: 'scenario override' };
    applied.push(`exits ${o.exit.code} after ${o.exit.afterSeconds}s`);
  }
  if (o.http && typeof o.http === 'object') {
    m.http = { routes: { ...m.http.routes, ...o.http }, defaultStatus: m.http.defaultStatus };
    if (m.httpTimeline)
      m.httpTimeline = m.httpTimeline.map((h) => ({
        at: h.at,
        routes: Object.fromEntries(Object.entries(h.routes).filter(([k]) => !(k in o.http!))),
      }));
    applied.push(
      `HTTP ${Object.entries(o.http)
        .map(([k, v]) => `${k} → ${v}`)
        .join(', ')}`,
    );
  }
  if (typeof o.memoryMi === 'number') {
    m.memoryMi = o.memoryMi;
    applied.push(`uses ${o.memoryMi}Mi`);
  }
  if (o.ignoreSigterm === true) {
    m.onStop = { action: 'ignore' };
    applied.push('ignores SIGTERM');
  } else if (typeof o.stopExitCode === 'number') {
    m.onStop = { action: 'exit', code: o.stopExitCode, afterSeconds: 0 };
    applied.push(`exits ${o.stopExitCode} on SIGTERM`);
  } else if (o.ignoreSigterm === false && m.onStop.action === 'ignore') {
    m.onStop = { action: 'exit', code: 143, afterSeconds: 0 };
    applied.push('handles SIGTERM (143)');
  }
  if (applied.length === 0) return m;
  m.source = 'scenario';
  m.notes = [`scenario override: ${applied.join('; ')}`, ...m.notes];
  return m;
}

// Pure: small text helpers shared by the views.
import type { WhatIfAction } from '../../src/panel/protocol';
// Every time the panel shows is kubectl's (simulator humanDuration: `35s`, `2m40s`, `1h2m`); no other format.
import { humanDuration } from '../../../simulator/src/view';

/** t clamped into [0, until]; NaN becomes 0. */
export function clampTime(t: number, until: number): number {
  if (!Number.isFinite(t) || t < 0) return 0;
  return t > until ? until : t;
}

/** A what-if time: milliseconds precision, as the scenario file writes it. */
export function roundAt(t: number): number {
  return Math.round(t * 1000) / 1000;
}

/** One line for the list of active what-if actions. */
export function describeWhatIf(a: WhatIfAction): string {
  const at = `at ${humanDuration(a.at)}`;
  // A scenario file's event may name no pod: then the container in any pod.
  const c = 'container' in a ? `${a.pod ?? 'any pod'} / ${a.container}` : '';
  switch (a.kind) {
    case 'kill':
      return `${at}: kill ${c} with exit code ${a.exitCode}`;
    case 'oom':
      return `${at}: OOM-kill ${c}`;
    case 'delete':
      return `${at}: ${a.force ? 'force-delete' : 'delete'} ${a.pod}${a.gracePeriodSeconds !== undefined ? ` (grace ${humanDuration(a.gracePeriodSeconds)})` : ''}`;
    case 'http':
      return `${at}: ${c} answers ${a.status} on ${a.path}`;
    case 'endpoint':
      return `${at}: ${a.state === 'fail' ? 'fail' : 'recover'} ${c} port ${a.port}`;
    case 'nodeFailure':
      return `${at}: node ${a.node} fails`;
    default:
      return unreachable(a);
  }
}

function unreachable(x: never): string {
  return `unknown action ${JSON.stringify(x)}`;
}

// Pure: a shape check for incoming messages, so a malformed one is ignored instead of breaking the panel.
import { PANEL_COMMANDS, type ToWebview } from '../../src/panel/protocol';

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

export function isToWebview(x: unknown): x is ToWebview {
  if (!isObj(x)) return false;
  switch (x.type) {
    case 'simulation': {
      const s = x.simulation;
      return (
        (x.uri === undefined || typeof x.uri === 'string') &&
        (x.focus === undefined || Number.isInteger(x.focus)) &&
        isObj(s) &&
        typeof s.title === 'string' &&
        typeof s.until === 'number' &&
        Number.isFinite(s.until) &&
        s.until >= 0 &&
        Array.isArray(s.pods) &&
        Array.isArray(s.events) &&
        Array.isArray(s.probes) &&
        Array.isArray(s.notes) &&
        Array.isArray(s.whatIf) &&
        (s.scenario === null ||
          (isObj(s.scenario) &&
            typeof s.scenario.file === 'string' &&
            Array.isArray(s.scenario.settings) &&
            Array.isArray(s.scenario.events))) &&
        Array.isArray(s.verdicts) &&
        Array.isArray(s.workloads)
      );
    }
    case 'problems':
      return typeof x.title === 'string' && Array.isArray(x.problems) && typeof x.keep === 'boolean';
    case 'fixes':
      return (
        Array.isArray(x.fixes) &&
        x.fixes.every((f) => isObj(f) && Number.isInteger(f.index) && typeof f.title === 'string')
      );
    case 'pinned':
      return typeof x.pinned === 'boolean';
    case 'seek':
      return typeof x.t === 'number' && Number.isFinite(x.t);
    case 'empty':
      return typeof x.message === 'string';
    case 'command':
      return PANEL_COMMANDS.some((c) => c === x.command);
    default:
      return false;
  }
}

// Shape checks for what crosses into the extension from outside it: the webview's messages, and the what-ifs
// read back from workspaceState (written by an older version, or by hand). A malformed one is dropped.
import type { FromWebview, WhatIfAction } from './protocol';

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isInt = (x: unknown, min: number, max: number): boolean =>
  typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;
const isName = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= 253;
const optionalPod = (x: Record<string, unknown>): boolean => x.pod === undefined || isName(x.pod);

export function isWhatIfAction(x: unknown): x is WhatIfAction {
  if (!isObj(x) || typeof x.at !== 'number' || !Number.isFinite(x.at) || x.at < 0) return false;
  switch (x.kind) {
    case 'kill':
      return optionalPod(x) && isName(x.container) && isInt(x.exitCode, 0, 255);
    case 'oom':
      return optionalPod(x) && isName(x.container);
    case 'delete':
      return (
        isName(x.pod) &&
        typeof x.force === 'boolean' &&
        (x.gracePeriodSeconds === undefined || isInt(x.gracePeriodSeconds, 0, Number.MAX_SAFE_INTEGER))
      );
    case 'http':
      return (
        optionalPod(x) &&
        isName(x.container) &&
        typeof x.path === 'string' &&
        x.path.startsWith('/') &&
        isInt(x.status, 100, 599)
      );
    case 'endpoint':
      return (
        optionalPod(x) &&
        isName(x.container) &&
        isInt(x.port, 1, 65535) &&
        (x.state === 'fail' || x.state === 'recover')
      );
    case 'nodeFailure':
      return isName(x.node);
    default:
      return false;
  }
}

export function isFromWebview(x: unknown): x is FromWebview {
  if (!isObj(x)) return false;
  switch (x.type) {
    case 'ready':
    case 'saveScenario':
    case 'loadScenario':
    case 'unloadScenario':
      return true;
    case 'time':
      return typeof x.t === 'number' && Number.isFinite(x.t);
    case 'whatIf':
      return isWhatIfAction(x.action);
    case 'removeWhatIf':
    case 'removeScenarioEvent':
    case 'applyFix':
      return isInt(x.index, 0, Number.MAX_SAFE_INTEGER);
    case 'reveal':
      return (
        isObj(x.cause) &&
        isInt(x.cause.doc, 0, Number.MAX_SAFE_INTEGER) &&
        Array.isArray(x.cause.paths) &&
        x.cause.paths.every((p) => typeof p === 'string')
      );
    case 'revealLine':
      return isInt(x.line, 0, Number.MAX_SAFE_INTEGER);
    case 'pin':
      return typeof x.pinned === 'boolean';
    default:
      return false;
  }
}

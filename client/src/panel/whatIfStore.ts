// The what-ifs and the loaded scenario of each document, kept in the workspace's state (keyed by the document's
// URI), so that they survive closing the document and reloading the window. Read back with the same checks as
// fresh input: a stale or hand-edited entry loses what is malformed, never breaks the run.
import type * as vscode from 'vscode';
import type { Scenario } from '../../../simulator/src/index';
import { isWhatIfAction } from './messageGuard';
import type { WhatIfAction } from './protocol';

export interface SavedWhatIfs {
  whatIf: WhatIfAction[];
  /** A scenario file loaded in the panel: its name (for the list) and its validated content. */
  scenario?: { file: string; scenario: Scenario };
}

const KEY = 'podlab.whatIf:';

export class WhatIfStore {
  /** `parseScenario`: ScenarioSchema's check (the engine's; a parameter so that the store loads without it). */
  constructor(
    private readonly memento: Pick<vscode.Memento, 'get' | 'update'>,
    private readonly parseScenario: (raw: unknown) => Scenario | undefined,
  ) {}

  read(uri: string): SavedWhatIfs {
    const raw: unknown = this.memento.get(KEY + uri);
    if (typeof raw !== 'object' || raw === null) return { whatIf: [] };
    const r = raw as { whatIf?: unknown; scenario?: { file?: unknown; scenario?: unknown } };
    const whatIf = Array.isArray(r.whatIf) ? r.whatIf.filter(isWhatIfAction) : [];
    const file = r.scenario?.file;
    const scenario = typeof file === 'string' ? this.parseScenario(r.scenario?.scenario) : undefined;
    return scenario && typeof file === 'string' ? { whatIf, scenario: { file, scenario } } : { whatIf };
  }

  write(uri: string, saved: SavedWhatIfs): void {
    const empty = saved.whatIf.length === 0 && saved.scenario === undefined;
    void this.memento.update(KEY + uri, empty ? undefined : saved);
  }
}

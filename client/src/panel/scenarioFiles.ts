// Reading a scenario file chosen in the panel, with the same validation as `podlab run --scenario`.
import * as vscode from 'vscode';
import { engine } from '../engineLoader';
import type { Scenario } from '../../../simulator/src/index';

export async function loadScenarioFile(
  uri: vscode.Uri,
): Promise<{ ok: true; scenario: Scenario } | { ok: false; message: string }> {
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (err) {
    return { ok: false, message: `cannot read it: ${(err as Error).message}` };
  }
  const loaded = engine().loadScenario(text);
  if (loaded.ok) return loaded;
  const first = loaded.issues[0]!;
  return {
    ok: false,
    message: `line ${first.range.start.line + 1}: ${first.message}${loaded.issues.length > 1 ? ` (and ${loaded.issues.length - 1} more)` : ''}`,
  };
}

// The panel's scenario files: saving its what-ifs next to the manifest, and reading one chosen by the user
// with the same validation as `podlab run --scenario`.
import * as vscode from 'vscode';
import { engine } from '../engineLoader';
import type { Scenario } from '../../../simulator/src/index';
import { whatIfEvent, type Simulations } from '../simulations';

function scenarioUri(doc: vscode.TextDocument): vscode.Uri | undefined {
  if (doc.isUntitled) return undefined;
  return doc.uri.with({ path: doc.uri.path.replace(/\.ya?ml$/, '') + '.scenario.yaml' });
}

export async function saveScenario(doc: vscode.TextDocument, sims: Simulations): Promise<void> {
  const sim = sims.get(doc.uri);
  const target = scenarioUri(doc) ?? (await vscode.window.showSaveDialog({ filters: { YAML: ['yaml', 'yml'] } }));
  if (!sim || !target) return;
  const scenario = {
    ...(sim.scenario ?? {}),
    events: [...(sim.scenario?.events ?? []), ...sim.whatIf.map(whatIfEvent)],
  };
  await vscode.workspace.fs.writeFile(
    target,
    new TextEncoder().encode(
      `# PodLab scenario for ${doc.uri.path.split('/').pop()}\n${engine().stringifyYaml(scenario)}`,
    ),
  );
  void vscode.window.showInformationMessage(`Saved the scenario to ${vscode.workspace.asRelativePath(target)}.`);
}

export async function loadScenario(doc: vscode.TextDocument, sims: Simulations): Promise<void> {
  const picked = await vscode.window.showOpenDialog({
    filters: { YAML: ['yaml', 'yml'] },
    defaultUri: scenarioUri(doc),
    canSelectMany: false,
  });
  const uri = picked?.[0];
  if (!uri) return;
  const loaded = await loadScenarioFile(uri);
  if (!loaded.ok) {
    void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(uri)}: ${loaded.message}`);
    return;
  }
  sims.setWhatIf(doc, []);
  sims.setScenario(doc, loaded.scenario);
}

async function loadScenarioFile(
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

// The panel's scenario files: saving its what-ifs next to the manifest (asking before replacing a file), and
// reading one chosen by the user with the same validation as `podlab run --scenario`. Either way the file's
// scenario is then the one loaded in the panel, its events listed there.
import * as vscode from 'vscode';
import { engine } from '../engineLoader';
import type { Scenario } from '../../../simulator/src/index';
import type { Simulations } from '../simulations';
import { whatIfEvent } from './whatIfs';

function scenarioUri(doc: vscode.TextDocument): vscode.Uri | undefined {
  if (doc.isUntitled) return undefined;
  return doc.uri.with({ path: doc.uri.path.replace(/\.ya?ml$/, '') + '.scenario.yaml' });
}

const fileName = (uri: vscode.Uri): string => uri.path.split('/').pop() ?? uri.path;

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

const saveDialog = (defaultUri?: vscode.Uri) =>
  vscode.window.showSaveDialog({ filters: { YAML: ['yaml', 'yml'] }, ...(defaultUri ? { defaultUri } : {}) });

/** Where to save: `<manifest>.scenario.yaml`, unless it exists and the user does not want it replaced. */
async function saveTarget(doc: vscode.TextDocument): Promise<vscode.Uri | undefined> {
  const uri = scenarioUri(doc);
  // The save dialog asks about replacing on its own.
  if (!uri) return saveDialog();
  if (!(await exists(uri))) return uri;
  const replace = 'Replace';
  const other = 'Save As…';
  const answer = await vscode.window.showWarningMessage(
    `${fileName(uri)} already exists. Replace it with the panel's scenario?`,
    { modal: true, detail: 'Its content is lost; "Save As…" chooses another file.' },
    replace,
    other,
  );
  return answer === replace ? uri : answer === other ? saveDialog(uri) : undefined;
}

export async function saveScenario(doc: vscode.TextDocument, sims: Simulations): Promise<void> {
  const sim = sims.get(doc.uri);
  if (!sim) return;
  const target = await saveTarget(doc);
  if (!target) return;
  const scenario = {
    ...(sim.scenario ?? {}),
    events: [...(sim.scenario?.events ?? []), ...sim.whatIf.map(whatIfEvent)],
  };
  await vscode.workspace.fs.writeFile(
    target,
    new TextEncoder().encode(`# PodLab scenario for ${fileName(doc.uri)}\n${engine().stringifyYaml(scenario)}`),
  );
  // What was saved is now the panel's loaded scenario (one list, no duplicate events).
  const loaded = engine().ScenarioSchema.safeParse(scenario);
  if (loaded.success) sims.update(doc, { whatIf: [], scenario: { scenario: loaded.data, file: fileName(target) } });
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
  sims.update(doc, { whatIf: [], scenario: { scenario: loaded.scenario, file: fileName(uri) } });
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

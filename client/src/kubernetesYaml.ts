// Which documents are Kubernetes manifests the panel can run: YAML with a `kind:` of a pod-carrying workload,
// not a PodLab scenario file. The ▶ button (the `podlab.isKubernetesYaml` context key in package.json's
// when-clauses), the CodeLens and the panel's "follow the active editor" all ask here.
import * as vscode from 'vscode';
import { MAX_CODELENS_CHARS } from './limits';

/** A `kind:` line of a pod-carrying workload (block or flow style); group 1 is the kind. */
export const POD_KIND =
  /^[ \t{]*["']?kind["']?[ \t]*:[ \t]*["']?(Pod|Deployment|ReplicaSet|StatefulSet|DaemonSet|Job|CronJob)["']?[ \t]*[,}]?[ \t]*(#.*)?$/m;

const CONTEXT_KEY = 'podlab.isKubernetesYaml';

function isScenarioFile(doc: vscode.TextDocument): boolean {
  return /\.scenario\.ya?ml$/i.test(doc.uri.path);
}

/** YAML that carries a workload the panel can run (a scenario file does not, whatever it holds). */
export function isKubernetesYaml(doc: vscode.TextDocument): boolean {
  if (doc.languageId !== 'yaml' || isScenarioFile(doc)) return false;
  const text = doc.getText();
  return text.length <= MAX_CODELENS_CHARS && POD_KIND.test(text);
}

/** Keeps the context key in step with the active editor (and with edits to its document). */
export function trackKubernetesYaml(): vscode.Disposable {
  let last: boolean | undefined;
  const update = () => {
    const doc = vscode.window.activeTextEditor?.document;
    const now = doc !== undefined && isKubernetesYaml(doc);
    if (now === last) return;
    last = now;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY, now);
  };
  update();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) update();
    }),
  );
}

// "▶ Run Pod in Panel" above each document that carries a pod (Pod, Deployment, … CronJob).
import * as vscode from 'vscode';
import { splitDocuments } from '../../simulator/src/view';
import { MAX_CODELENS_CHARS } from './limits';

const POD_KIND =
  /^[ \t{]*["']?kind["']?[ \t]*:[ \t]*["']?(Pod|Deployment|ReplicaSet|StatefulSet|DaemonSet|Job|CronJob)["']?[ \t]*[,}]?[ \t]*(#.*)?$/m;

export class RunPodCodeLens implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (document.getText().length > MAX_CODELENS_CHARS) return [];
    const lenses: vscode.CodeLens[] = [];
    for (const chunk of splitDocuments(document.getText())) {
      const m = POD_KIND.exec(chunk.text);
      if (!m) continue;
      let line = chunk.startLine;
      const first = chunk.text
        .split('\n')
        .findIndex((l) => l.trim() !== '' && !l.startsWith('#') && !l.startsWith('---'));
      if (first > 0) line += first;
      lenses.push(
        new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
          title: `$(play) Run ${m[1]} in Panel`,
          command: 'podlab.runPodInPanel',
          arguments: [document.uri],
        }),
      );
    }
    return lenses;
  }
}

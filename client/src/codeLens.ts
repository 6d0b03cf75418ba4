// "▶ Run … in Panel" above each document that carries a pod (Pod, Deployment, … CronJob), with the verdict
// when one is known: the panel's run of the document (the same verdict as its card), else the language
// server's prediction diagnostics on the document (their codes, never their words).
import * as vscode from 'vscode';
import { OUTCOME_STATUS, splitDocuments, type OutcomeCode } from '../../simulator/src/view';
import { MAX_CODELENS_CHARS } from './limits';
import { POD_KIND } from './kubernetesYaml';
import type { Simulations } from './simulations';

export class RunPodCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly sims: Simulations) {
    this.subscriptions = [
      sims.onDidChange(() => this.changed.fire()),
      vscode.languages.onDidChangeDiagnostics(() => this.changed.fire()),
      this.changed,
    ];
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (document.getText().length > MAX_CODELENS_CHARS) return [];
    const lenses: vscode.CodeLens[] = [];
    const sim = this.sims.get(document.uri);
    const fresh = sim?.version === document.version && sim.result ? sim : undefined;
    const diagnostics = fresh ? [] : vscode.languages.getDiagnostics(document.uri);
    for (const [index, chunk] of splitDocuments(document.getText()).entries()) {
      const m = POD_KIND.exec(chunk.text);
      if (!m) continue;
      let line = chunk.startLine;
      const first = chunk.text
        .split('\n')
        .findIndex((l) => l.trim() !== '' && !l.startsWith('#') && !l.startsWith('---'));
      if (first > 0) line += first;
      const end = chunk.startLine + chunk.text.split('\n').length;
      const v = fresh?.verdicts.find((x) => x.doc === index);
      const verdict = v
        ? v.outcome === 'problem'
          ? `predicts ${v.headline}`
          : v.headline
        : fresh
          ? undefined
          : predicted(diagnostics, chunk.startLine, end);
      lenses.push(
        new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
          title: verdict ? `$(play) Run ${m[1]} · ${verdict}` : `$(play) Run ${m[1]} in Panel`,
          command: 'podlab.runPodInPanel',
          arguments: [document.uri, index], // the panel selects this document's workload
        }),
      );
    }
    return lenses;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

/** "predicts X" from the first PodLab prediction diagnostic in the lines [start, end). */
function predicted(diagnostics: readonly vscode.Diagnostic[], start: number, end: number): string | undefined {
  for (const d of diagnostics) {
    if (d.source !== 'podlab' || d.range.start.line < start || d.range.start.line >= end) continue;
    const code = typeof d.code === 'object' ? d.code.value : d.code;
    if (typeof code === 'string' && code in OUTCOME_STATUS) return `predicts ${OUTCOME_STATUS[code as OutcomeCode]}`;
  }
  return undefined;
}

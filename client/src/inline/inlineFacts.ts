// Shows the panel's simulated facts inline (inlay hints at the end of container, probe and init container
// lines) and explains a probe's timeline on hover. Clicking a hint moves the panel to that moment.
import * as vscode from 'vscode';
import type { Simulations } from '../simulations';
import type { Fact } from './facts';
import { engine } from '../engineLoader';
import { clientSetting } from '../settings';

export class InlineFacts implements vscode.InlayHintsProvider, vscode.HoverProvider, vscode.Disposable {
  private active: string | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly sims: Simulations) {
    this.subscription = sims.onDidChange((uri) => {
      if (uri === this.active) this.changed.fire();
    });
  }

  /** Facts are shown for the document the panel shows. */
  setActive(uri: string | undefined): void {
    this.active = uri;
    this.changed.fire();
  }

  private facts(doc: vscode.TextDocument): { fact: Fact; line: number }[] {
    if (
      doc.uri.toString() !== this.active ||
      !clientSetting(vscode.workspace.getConfiguration('podlab'), 'inline.enable')
    )
      return [];
    const sim = this.sims.get(doc.uri);
    if (!sim?.result || sim.version !== doc.version) return [];
    const { podFacts, causeRange } = engine();
    const trace = sim.result.traceAt(sim.time);
    const out: { fact: Fact; line: number }[] = [];
    const seenDocs = new Set<number>();
    for (const pod of sim.result.pods) {
      // One pod per document: the first that exists at t (the first replica).
      if (
        seenDocs.has(pod.doc) ||
        pod.createdAt / 1000 > sim.time ||
        (pod.removedAt !== null && pod.removedAt / 1000 <= sim.time)
      )
        continue;
      seenDocs.add(pod.doc);
      for (const fact of podFacts(pod, sim.time, trace.probes)) {
        // The key's line for a mapping (`livenessProbe:`), the value's for a scalar.
        out.push({ fact, line: causeRange(sim.manifest, pod.doc, fact.path).start.line });
      }
    }
    return out;
  }

  provideInlayHints(doc: vscode.TextDocument, range: vscode.Range): vscode.InlayHint[] {
    const hints: vscode.InlayHint[] = [];
    for (const { fact, line } of this.facts(doc)) {
      if (line < range.start.line || line > range.end.line) continue;
      const end = doc.lineAt(line).range.end;
      const part = new vscode.InlayHintLabelPart(`  ${fact.text}`);
      part.command = { title: 'Show this moment in the panel', command: 'podlab.seek', arguments: [fact.t] };
      part.tooltip = fact.detail.join('\n') || fact.text;
      const hint = new vscode.InlayHint(end, [part]);
      hint.paddingLeft = true;
      hints.push(hint);
    }
    return hints;
  }

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const hit = this.facts(doc).find((f) => f.line === position.line);
    if (!hit) return undefined;
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**PodLab at t=${Math.round(this.sims.get(doc.uri)?.time ?? 0)}s:** `);
    md.appendText(hit.fact.text);
    for (const line of hit.fact.detail.filter(Boolean)) {
      md.appendMarkdown('\n\n');
      md.appendText(line);
    }
    return new vscode.Hover(md);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

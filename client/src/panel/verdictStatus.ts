// The status-bar item that repeats the panel's verdict while the panel is open: the worst workload's
// headline (a problem before an unknown before a healthy one), with an icon; a click brings the panel back.
import * as vscode from 'vscode';
import { worstVerdict, type Verdict, type VerdictOutcome } from '../../../simulator/src/view';

const VERDICT_ICON: Record<VerdictOutcome, string> = {
  problem: '$(error)',
  unknown: '$(question)',
  healthy: '$(pass)',
  completed: '$(pass-filled)',
};

export class VerdictStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('podlab.verdict', vscode.StatusBarAlignment.Left, 50);

  constructor() {
    this.item.name = 'PodLab verdict';
    this.item.command = 'podlab.runPodInPanel';
  }

  show(verdicts: readonly Verdict[]): void {
    const v = worstVerdict(verdicts);
    if (!v) return this.item.hide();
    const others = verdicts.length > 1 ? ` (+${verdicts.length - 1})` : '';
    this.item.text = `${VERDICT_ICON[v.outcome]} ${v.object.split('/').pop()}: ${v.headline}${others}`;
    this.item.tooltip = `PodLab predicts for ${v.object}: ${v.headline}${v.reason ? ` — ${v.reason}` : ''}`;
    this.item.backgroundColor =
      v.outcome === 'problem' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  hide(): void {
    this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}

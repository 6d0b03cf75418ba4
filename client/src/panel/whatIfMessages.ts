// The panel's what-if messages: add one (and move the panel to the moment it shows its effect), remove one,
// remove an event of the loaded scenario, unload it, save or load a scenario file.
import type * as vscode from 'vscode';
import type { DocSimulation, Simulations } from '../simulations';
import type { FromWebview, PanelScenario } from './protocol';
import { loadScenario, saveScenario } from './scenarioFiles';
import { actionOf, effectTime } from './whatIfs';

type WhatIfMessage = Extract<
  FromWebview,
  { type: 'whatIf' | 'removeWhatIf' | 'removeScenarioEvent' | 'unloadScenario' | 'saveScenario' | 'loadScenario' }
>;

export function isWhatIfMessage(m: FromWebview): m is WhatIfMessage {
  return ['whatIf', 'removeWhatIf', 'removeScenarioEvent', 'unloadScenario', 'saveScenario', 'loadScenario'].includes(
    m.type,
  );
}

/** `seek`: moves the panel (and the inline facts) to a time, in seconds. */
export function onWhatIfMessage(
  m: WhatIfMessage,
  doc: vscode.TextDocument,
  sims: Simulations,
  seek: (t: number) => void,
): void {
  const sim = sims.ensure(doc);
  switch (m.type) {
    case 'whatIf': {
      // Re-run at once and show the moment right after the action, where its effect is.
      const next = sims.setWhatIf(doc, [...sim.whatIf, m.action]);
      if (next.result) seek(effectTime(next.result, m.action));
      return;
    }
    case 'removeWhatIf':
      sims.setWhatIf(
        doc,
        sim.whatIf.filter((_, i) => i !== m.index),
      );
      return;
    case 'removeScenarioEvent': {
      if (!sim.scenario) return;
      const events = (sim.scenario.events ?? []).filter((_, i) => i !== m.index);
      sims.update(doc, { scenario: { scenario: { ...sim.scenario, events }, file: sim.scenarioFile ?? 'scenario' } });
      return;
    }
    case 'unloadScenario':
      sims.update(doc, { scenario: null });
      return;
    case 'saveScenario':
      void saveScenario(doc, sims);
      return;
    case 'loadScenario':
      void loadScenario(doc, sims);
      return;
  }
}

/** The loaded scenario file as the panel lists it, or null. */
export function panelScenario(sim: DocSimulation): PanelScenario | null {
  const s = sim.scenario;
  if (!s) return null;
  return {
    file: sim.scenarioFile ?? 'scenario',
    settings: Object.entries(s)
      .filter(([k, v]) => k !== 'events' && v !== undefined)
      .map(([k]) => k),
    // Validated events have exactly one action, so the indices stay those of `events`.
    events: (s.events ?? []).flatMap((e) => {
      const a = actionOf(e);
      return a ? [a] : [];
    }),
  };
}

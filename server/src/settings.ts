// The settings the language server reads (`podlab.*` in VS Code, `settings.podlab` from other LSP clients),
// with their defaults: the one place these defaults live in code. The extension reads the others
// (client/src/settings.ts). package.json declares both sets under `contributes.configuration`, and
// test/settings.test.ts checks that its defaults equal these.
import type { PodSecuritySetting, RuleSeverity } from './rules/types';

export type RuleSetting = RuleSeverity | 'off' | 'default';

export interface Settings {
  /**
   * Report YAML and schema problems (syntax, unknown fields, wrong types, missing required fields).
   * Turn off when the Red Hat YAML extension already validates these files against the Kubernetes schema,
   * so each problem shows once; PodLab's API-server checks and semantic rules stay on.
   */
  schemaValidation: boolean;
  /** Per rule: `off`, a severity, or `default`. */
  rules: Record<string, RuleSetting>;
  /** Simulate each pod-carrying document and report predicted trouble (CrashLoopBackOff, never Ready, …). */
  predictions: boolean;
  /**
   * The Pod Security Standard to report violations of, as `kubectl` would warn about them (`off`, `baseline`,
   * `restricted`). A namespace in the file with `pod-security.kubernetes.io/*` labels applies its own levels too.
   */
  podSecurity: PodSecuritySetting;
  /**
   * The cluster the predictions simulate, as a scenario's `cluster:` block (checked as one; a bad one is logged
   * and left out). The panel reads it too. A workspace's `.podlab/cluster.yaml` takes precedence.
   */
  'simulation.cluster': Record<string, unknown>;
  /** Nothing exists but the file's, the workspace's and the cluster file's objects: missing means missing. */
  'simulation.worldComplete': boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  schemaValidation: true,
  rules: {},
  predictions: true,
  podSecurity: 'baseline',
  'simulation.cluster': {},
  'simulation.worldComplete': false,
};

export const POD_SECURITY_SETTINGS: readonly PodSecuritySetting[] = ['off', 'baseline', 'restricted'];

/** Reads untrusted settings from a client: anything unexpected falls back to the default. */
export function readSettings(raw: unknown): Settings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const flag = (key: 'schemaValidation' | 'predictions'): boolean => {
    const v = s[key];
    return typeof v === 'boolean' ? v : DEFAULT_SETTINGS[key];
  };
  // VS Code nests dotted keys (`simulation: { cluster }`); other clients may send them flat.
  const simulation = (s['simulation'] && typeof s['simulation'] === 'object' ? s['simulation'] : {}) as Record<
    string,
    unknown
  >;
  const cluster = simulation['cluster'] ?? s['simulation.cluster'];
  const complete = simulation['worldComplete'] ?? s['simulation.worldComplete'];
  const out: Settings = {
    schemaValidation: flag('schemaValidation'),
    rules: { ...DEFAULT_SETTINGS.rules },
    predictions: flag('predictions'),
    podSecurity: (POD_SECURITY_SETTINGS as readonly unknown[]).includes(s['podSecurity'])
      ? (s['podSecurity'] as PodSecuritySetting)
      : DEFAULT_SETTINGS.podSecurity,
    'simulation.cluster':
      cluster && typeof cluster === 'object' && !Array.isArray(cluster)
        ? (cluster as Record<string, unknown>)
        : DEFAULT_SETTINGS['simulation.cluster'],
    'simulation.worldComplete': typeof complete === 'boolean' ? complete : DEFAULT_SETTINGS['simulation.worldComplete'],
  };
  const rules = s['rules'];
  if (rules && typeof rules === 'object') {
    for (const [id, v] of Object.entries(rules as Record<string, unknown>)) {
      if (v === 'off' || v === 'default' || v === 'error' || v === 'warning' || v === 'information' || v === 'hint')
        out.rules[id] = v;
    }
  }
  return out;
}

export function settingsKey(s: Settings): string {
  return JSON.stringify([s.schemaValidation, s.predictions, s.podSecurity, Object.entries(s.rules).sort()]);
}

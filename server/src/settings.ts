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
}

export const DEFAULT_SETTINGS: Settings = {
  schemaValidation: true,
  rules: {},
  predictions: true,
  podSecurity: 'baseline',
};

export const POD_SECURITY_SETTINGS: readonly PodSecuritySetting[] = ['off', 'baseline', 'restricted'];

/** Reads untrusted settings from a client: anything unexpected falls back to the default. */
export function readSettings(raw: unknown): Settings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const flag = (key: 'schemaValidation' | 'predictions'): boolean => {
    const v = s[key];
    return typeof v === 'boolean' ? v : DEFAULT_SETTINGS[key];
  };
  const out: Settings = {
    schemaValidation: flag('schemaValidation'),
    rules: { ...DEFAULT_SETTINGS.rules },
    predictions: flag('predictions'),
    podSecurity: (POD_SECURITY_SETTINGS as readonly unknown[]).includes(s['podSecurity'])
      ? (s['podSecurity'] as PodSecuritySetting)
      : DEFAULT_SETTINGS.podSecurity,
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

// The settings the extension reads itself, with their defaults: the one place these defaults live in code.
// The language server reads the others (server/src/settings.ts). package.json declares both sets under
// `contributes.configuration`, and test/settings.test.ts checks that its defaults equal these.
// No `vscode` import here, so that the test can load this file under plain Node.
import { DEFAULT_HORIZON_SECONDS, humanDuration } from '../../simulator/src/view';

export const CLIENT_SETTING_DEFAULTS = {
  /**
   * `podlab.simulation.until`: how long the panel simulates (Go duration or seconds). By default the horizon of
   * the editor's predictions, so that the panel shows what they say ("10m").
   */
  'simulation.until': humanDuration(DEFAULT_HORIZON_SECONDS),
  /** `podlab.simulation.seed`: seed for generated pod names and jitter. */
  'simulation.seed': 1,
  /** `podlab.simulation.cluster`: the `cluster:` block of a scenario file; empty means the default node. */
  'simulation.cluster': {} as Record<string, unknown>,
  /** `podlab.simulation.worldComplete`: the file (and scenario) hold every ConfigMap and Secret; missing means missing. */
  'simulation.worldComplete': false,
  /** `podlab.inline.enable`: simulated facts next to container and probe lines while the panel is open. */
  'inline.enable': true,
};

export type ClientSettingKey = keyof typeof CLIENT_SETTING_DEFAULTS;

/** What this file needs of `vscode.WorkspaceConfiguration`. */
export interface ConfigurationLike {
  get<T>(section: string, defaultValue: T): T;
}

/** A `podlab.*` setting read from `vscode.workspace.getConfiguration('podlab')`, or its default. */
export function clientSetting<K extends ClientSettingKey>(
  config: ConfigurationLike,
  key: K,
): (typeof CLIENT_SETTING_DEFAULTS)[K] {
  return config.get(key, CLIENT_SETTING_DEFAULTS[key]);
}

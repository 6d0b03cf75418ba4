// Pure: the UI state kept with vscode.setState (it survives a reload of the webview).

export const SPEEDS = [1, 10, 60] as const;
export type Speed = (typeof SPEEDS)[number];

export interface UiState {
  v: 1;
  /** Simulated seconds since apply. */
  t: number;
  /** Simulated seconds per real second. */
  speed: Speed;
  selected: string | null;
  /** Events: aggregated like kubectl describe, or every occurrence. */
  eventsMode: 'aggregated' | 'list';
  /** Events of the selected pod only, or of every object. */
  eventsScope: 'pod' | 'all';
  /** The document's URI when the extension sends it (the panel serializer reads `state.uri` after a reload). */
  uri?: string;
  /** Which document the time and selection belong to (its URI, else its title): another one starts at t = 0. */
  doc?: string;
}

const DEFAULT_STATE: UiState = {
  v: 1,
  t: 0,
  speed: 10,
  selected: null,
  eventsMode: 'aggregated',
  eventsScope: 'pod',
};

/** A state read back from vscode.getState (anything at all) made valid. */
export function sanitizeState(raw: unknown): UiState {
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_STATE };
  const r = raw as Record<string, unknown>;
  const t = typeof r.t === 'number' && Number.isFinite(r.t) && r.t >= 0 ? r.t : 0;
  const speed = SPEEDS.find((s) => s === r.speed) ?? DEFAULT_STATE.speed;
  const selected = typeof r.selected === 'string' ? r.selected : null;
  const eventsMode = r.eventsMode === 'list' ? 'list' : 'aggregated';
  const eventsScope = r.eventsScope === 'all' ? 'all' : 'pod';
  const out: UiState = { v: 1, t, speed, selected, eventsMode, eventsScope };
  if (typeof r.uri === 'string') out.uri = r.uri;
  if (typeof r.doc === 'string') out.doc = r.doc;
  return out;
}

/** The state for a simulation of document `doc`: time and selection reset when the document changed. */
export function forDocument(state: UiState, doc: string, uri: string | undefined): UiState {
  const next: UiState =
    state.doc !== undefined && state.doc !== doc ? { ...state, t: 0, selected: null, doc } : { ...state, doc };
  if (uri !== undefined) next.uri = uri;
  else delete next.uri;
  return next;
}

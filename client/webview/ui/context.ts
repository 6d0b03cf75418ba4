// What every view gets: the simulation, the time, the UI state, the selected pod and the callbacks to main.
import type { FromWebview, PanelPod, PanelSimulation } from '../../src/panel/protocol';
import type { Cause, PodStatus } from '../../../simulator/src/view';
import type { UiState } from '../model/state';

export interface Ctx {
  sim: PanelSimulation;
  t: number;
  state: Readonly<UiState>;
  /** The selected pod, or null. */
  pod: PanelPod | null;
  /** Its status at t (null before its first published status). */
  status: PodStatus | null;
}

export interface Actions {
  post(message: FromWebview): void;
  select(pod: string): void;
  /** Move the current time; `final` posts the time at once (step, scrub end, chart click). */
  seek(t: number, final: boolean): void;
  togglePlay(): void;
  setSpeed(speed: UiState['speed']): void;
  setEvents(patch: Partial<Pick<UiState, 'eventsMode' | 'eventsScope'>>): void;
  reveal(cause: Cause): void;
}

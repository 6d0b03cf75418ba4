// What a PodLab diagnostic carries in its `data` field: the quick fixes that the code-action handler offers.
// Its own module because both producers (diagnostics, predictions) and the consumer (code actions) need it.
import type { Fix } from '../rules/types';

/** Quick fixes carried by a diagnostic (file coordinates). */
export interface DiagnosticData {
  fixes: Fix[];
}

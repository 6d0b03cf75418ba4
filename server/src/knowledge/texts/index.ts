// Every text table, by model type name.
import type { DocTable } from '../doc';
import { PROBE_TEXTS } from './probe';
import { CONTAINER_TEXTS } from './container';
import { CONTAINER_PART_TEXTS } from './containerParts';
import { POD_SPEC_TEXTS } from './podSpec';
import { SECURITY_TEXTS } from './security';
import { SCHEDULING_TEXTS } from './scheduling';
import { META_TEXTS } from './meta';
import { WORKLOAD_TEXTS } from './workloads';
import { BATCH_TEXTS } from './batch';
import { SERVICE_TEXTS } from './service';
import { CONFIG_TEXTS } from './config';
import { VOLUME_TEXTS } from './volumes';
import { VOLUME_EXTRA_TEXTS } from './volumesExtra';

export const ALL_TEXTS: DocTable = {
  ...PROBE_TEXTS,
  ...CONTAINER_TEXTS,
  ...CONTAINER_PART_TEXTS,
  ...POD_SPEC_TEXTS,
  ...SECURITY_TEXTS,
  ...SCHEDULING_TEXTS,
  ...META_TEXTS,
  ...WORKLOAD_TEXTS,
  ...BATCH_TEXTS,
  ...SERVICE_TEXTS,
  ...CONFIG_TEXTS,
  ...VOLUME_TEXTS,
  ...VOLUME_EXTRA_TEXTS,
};

/** Texts written for fields the model does not have yet (kept for when it does). */
export const TEXTS_WITHOUT_MODEL_FIELD: readonly string[] = ['Lifecycle.stopSignal'];

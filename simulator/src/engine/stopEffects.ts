// What a container's process does after the stop signal (a shell trap: `trap 'rm -f /tmp/ready' TERM`), as
// file changes and log lines on the instance's own clock (seconds since its start), like the rest of the
// behaviour model, so that probes, the file view and the termination message see them.
import type { FileOp, LogWrite } from '../behaviour/types';
import type { ContainerRuntime, Instance } from './runtime';
import { modelOf } from './runtime';

export function afterSignal(c: ContainerRuntime, inst: Instance): { files: FileOp[]; log: LogWrite[] } {
  const stop = modelOf(c, inst).onStop;
  if (inst.signalledAt === undefined || (stop.files === undefined && stop.log === undefined))
    return { files: [], log: [] };
  const shift = (inst.signalledAt - inst.startedAt) / 1000;
  return {
    files: (stop.files ?? []).map((f) => ({ ...f, at: f.at + shift })),
    log: (stop.log ?? []).map((w) => ({ ...w, at: w.at + shift })),
  };
}

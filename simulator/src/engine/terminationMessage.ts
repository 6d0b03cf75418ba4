// state.terminated.message of a container that exited (k/k pkg/kubelet/kuberuntime/kuberuntime_container.go
// toKubeContainerStatus + getTerminationMessage, pkg/kubelet/container/runtime.go limits, pkg/kubelet/status/
// status_manager.go normalizeStatus):
// - the file at terminationMessagePath (default /dev/termination-log), its last 4096 bytes
//   (MaxContainerTerminationMessageLength, read with tail.ReadAtMost);
// - with terminationMessagePolicy FallbackToLogsOnError, a non-zero exit and an empty or missing file: the
//   container log's last 80 lines (MaxContainerTerminationMessageLogLines), at most their last 2048 bytes
//   (MaxContainerTerminationMessageLogLength);
// - a runtime message (e.g. a StartError's) comes first, joined with ": ";
// - the status manager keeps the first 12 KiB / (containers + init containers) bytes of each message
//   (MaxPodTerminationMessageLogLength shared evenly).
import { afterSignal } from './stopEffects';
import type { ContainerRuntime, Instance, PodRuntime } from './runtime';
import { fileContent } from './podFiles';
import { modelOf } from './runtime';

const MAX_FILE = 4096;
const MAX_LOG_LINES = 80;
const MAX_LOG_BYTES = 2048;
const MAX_POD = 12 * 1024;

/** What the kubelet reads when the instance has exited (`now`): the message, or undefined. */
export function terminationMessage(
  pod: PodRuntime,
  c: ContainerRuntime,
  inst: Instance,
  exitCode: number,
  now: number,
  runtimeMessage?: string,
): string | undefined {
  const path = c.spec.terminationMessagePath;
  const fallback =
    c.spec.terminationMessagePolicy === 'FallbackToLogsOnError' && exitCode !== 0 && runtimeMessage === undefined;
  const file = fileContent(pod, c, path, now);
  // Content the model does not know: no message rather than a made-up one.
  let message = file.kind === 'known' ? lastBytes(file.content, MAX_FILE) : '';
  if (message === '' && fallback && file.kind !== 'unknown') message = logTail(c, inst, now);
  if (runtimeMessage) message = message ? `${runtimeMessage}: ${message}` : runtimeMessage;
  return message === '' ? undefined : message;
}

/** normalizeStatus: each terminated message keeps its first 12 KiB / (number of containers) bytes. */
export function podMessageBudget(pod: PodRuntime): number {
  const n = pod.containers.length;
  return n > 0 ? Math.floor(MAX_POD / n) : MAX_POD;
}

const utf8Len = (ch: string): number => {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
};

/** The longest prefix of `s` that fits in `max` UTF-8 bytes (a character cut in half is left out). */
export function firstBytes(s: string, max: number): string {
  let n = 0;
  let out = '';
  for (const ch of s) {
    n += utf8Len(ch);
    if (n > max) break;
    out += ch;
  }
  return out;
}

function lastBytes(s: string, max: number): string {
  const chars = [...s];
  let n = 0;
  let i = chars.length;
  while (i > 0 && n + utf8Len(chars[i - 1]!) <= max) n += utf8Len(chars[--i]!);
  return chars.slice(i).join('');
}

/** readLastStringFromContainerLogs: TailLines 80 into a 2048-byte circular buffer. */
function logTail(c: ContainerRuntime, inst: Instance, now: number): string {
  const upTo = (now - inst.startedAt) / 1000;
  const text = [...(modelOf(c, inst).log ?? []), ...afterSignal(c, inst).log]
    .filter((w) => w.at <= upTo)
    .map((w) => w.text)
    .join('');
  if (text === '') return '';
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop(); // a final newline ends the last line
  const tail = lines.slice(-MAX_LOG_LINES).join('\n') + (text.endsWith('\n') ? '\n' : '');
  return lastBytes(tail, MAX_LOG_BYTES);
}

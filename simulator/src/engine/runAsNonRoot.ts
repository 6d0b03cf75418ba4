// The kubelet's runAsNonRoot check (verifyRunAsNonRoot, k/k pkg/kubelet/kuberuntime/security_context_others.go,
// called by generateContainerConfig after the env is made and the image's user read; docs/world-behaviour.md
// "securityContext"). It fails the container with CreateContainerConfigError; it can only be decided when the
// image's USER is known (image catalogue), unless runAsUser settles it. (The newest kubelets also reject an image
// uid above 2^31-1; no catalogued image has one.)
import type { ImageUser } from '../behaviour/imageProfile';
import { effectiveSecurity, securityFieldPath } from '../model/effectiveSecurity';
import type { PodSecurityContext, SecurityContext } from '../model/security';

export type NonRootVerdict =
  /** Nothing to check, or the check passes. */
  | { kind: 'ok' }
  /**
   * The kubelet refuses the container: its error text and the manifest fields behind it (the image whose user
   * fails the check first, then the runAsNonRoot that asks for it; or the runAsUser: 0).
   */
  | { kind: 'error'; message: string; paths: string[] }
  /** The check depends on the image's USER, which the catalogue does not know. */
  | { kind: 'unknown'; path: string };

export interface NonRootInput {
  podSecurity: Partial<PodSecurityContext> | undefined;
  container: { name: string; securityContext?: Partial<SecurityContext> | null };
  /** The image's USER when the catalogue knows it. */
  imageUser: ImageUser | undefined;
  /** `format.Pod(pod)`: `<name>_<namespace>(<uid>)`. */
  podRef: string;
  paths: { podSpec: string; container: string };
}

/** getImageUser: a numeric USER (before any `:group`) is a uid, anything else a user name; none is root. */
export function imageUserOf(user: ImageUser): { uid: number } | { name: string } {
  const u = user.config.split(':')[0] ?? '';
  if (u === '') return { uid: 0 };
  return /^\d+$/.test(u) ? { uid: Number(u) } : { name: u };
}

export function verifyRunAsNonRoot(input: NonRootInput): NonRootVerdict {
  const eff = effectiveSecurity({ pod: input.podSecurity, container: input.container.securityContext });
  if (eff.runAsNonRoot === undefined || !eff.runAsNonRoot.value) return { kind: 'ok' };
  const suffix = `(pod: "${input.podRef}", container: ${input.container.name})`;
  const nonRootPath = securityFieldPath(eff.runAsNonRoot.from, 'runAsNonRoot', input.paths);
  const imagePath = `${input.paths.container}.image`;
  if (eff.runAsUser !== undefined) {
    if (eff.runAsUser.value !== 0) return { kind: 'ok' };
    return {
      kind: 'error',
      message: `container's runAsUser breaks non-root policy ${suffix}`,
      paths: [securityFieldPath(eff.runAsUser.from, 'runAsUser', input.paths), nonRootPath],
    };
  }
  if (input.imageUser === undefined) return { kind: 'unknown', path: nonRootPath };
  const u = imageUserOf(input.imageUser);
  if ('name' in u)
    return {
      kind: 'error',
      message: `container has runAsNonRoot and image has non-numeric user (${u.name}), cannot verify user is non-root ${suffix}`,
      paths: [imagePath, nonRootPath],
    };
  if (u.uid === 0)
    return {
      kind: 'error',
      message: `container has runAsNonRoot and image will run as root ${suffix}`,
      paths: [imagePath, nonRootPath],
    };
  return { kind: 'ok' };
}

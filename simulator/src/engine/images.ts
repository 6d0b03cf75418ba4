// Image pulls (docs/kubelet-behaviour.md, "Image pulls"): pull policies, ErrImagePull / ImagePullBackOff with their own
// back-off, ErrImageNeverPull, InvalidImageName.
import type { Simulation } from './simulation';
import type { ContainerRuntime, PodRuntime } from './runtime';
import { podRef } from './runtime';
import { setContainer } from './statusInputs';
import { nextBackOff } from './policy';
import { goDuration } from '../model/goDuration';
import type { Cause } from '../trace';
import { addImage, nodeHasImage } from '../cluster/nodes';
import { normalizeImageRef, parseImageReference } from '../model/imageRef';

function imageCause(pod: PodRuntime, c: ContainerRuntime, evidence: string): Cause {
  return { doc: pod.doc, paths: [`${c.path}.image`], evidence };
}

/** Makes sure the container's image is on the node, then calls `then(true)`; on failure records why and calls `then(false)`. */
export function ensureImage(sim: Simulation, pod: PodRuntime, c: ContainerRuntime, then: (ok: boolean) => void): void {
  const image = c.spec.image ?? '';
  const ref = podRef(pod);
  const fail = (reason: string, message: string, cause: Cause) => {
    setContainer(pod, c, { waiting: { reason, message, cause } });
    then(false);
  };
  const parsed = parseImageReference(image);
  if ('error' in parsed) {
    // kuberuntime_image.go EnsureImageExists → applyDefaultImageTag: the reference parser's own error
    const msg = `Failed to apply default image tag "${image}": couldn't parse image reference "${image}": ${parsed.error}`;
    sim.emit(
      ref,
      'Warning',
      'InspectFailed',
      msg,
      'kubelet',
      imageCause(pod, c, `"${image}" is not a valid image reference`),
    );
    sim.emit(ref, 'Warning', 'Failed', 'Error: InvalidImageName', 'kubelet');
    return fail('InvalidImageName', msg, imageCause(pod, c, `"${image}" is not a valid image reference`));
  }
  const node = pod.node!;
  const normalized = normalizeImageRef(image);
  const present = nodeHasImage(node, image);
  const policy = c.spec.imagePullPolicy;
  if (policy === 'Never' || (policy === 'IfNotPresent' && present)) {
    if (!present) {
      const msg = `Container image "${image}" is not present with pull policy of Never`;
      const cause = {
        doc: pod.doc,
        paths: [`${c.path}.imagePullPolicy`, `${c.path}.image`],
        evidence: `imagePullPolicy is Never and "${image}" is not on ${node.name}`,
      };
      sim.emit(ref, 'Warning', 'ErrImageNeverPull', msg, 'kubelet', cause);
      sim.emit(ref, 'Warning', 'Failed', 'Error: ErrImageNeverPull', 'kubelet');
      return fail('ErrImageNeverPull', msg, cause);
    }
    sim.emit(ref, 'Normal', 'Pulled', `Container image "${image}" already present on machine`, 'kubelet');
    return then(true);
  }
  // A pull is needed. Inside the image back-off window no attempt is made.
  const entry = c.imageBackOff;
  if (entry !== undefined && sim.now - entry.lastUpdate < entry.delay) {
    const msg = `Back-off pulling image "${image}"`;
    sim.emit(ref, 'Normal', 'BackOff', msg, 'kubelet');
    sim.emit(ref, 'Warning', 'Failed', 'Error: ImagePullBackOff', 'kubelet');
    return fail('ImagePullBackOff', msg, c.waiting?.cause ?? imageCause(pod, c, `"${image}" cannot be pulled`));
  }
  sim.emit(ref, 'Normal', 'Pulling', `Pulling image "${image}"`, 'kubelet');
  const missing = sim.cluster.missingImages.has(normalized) || knownUnpullable(normalized);
  const duration = present ? sim.timings.repull : sim.timings.pull;
  sim.after(duration, () => {
    if (missing) {
      const err = `rpc error: code = NotFound desc = failed to pull and unpack image "${normalized}": failed to resolve reference "${normalized}": ${normalized}: not found`;
      const cause = imageCause(pod, c, `the registry has no image "${image}"`);
      sim.emit(ref, 'Warning', 'Failed', `Failed to pull image "${image}": ${err}`, 'kubelet', cause);
      sim.emit(ref, 'Warning', 'Failed', 'Error: ErrImagePull', 'kubelet');
      c.imageBackOff = nextBackOff(c.imageBackOff, sim.now, sim.now, sim.timings);
      return fail('ErrImagePull', `failed to pull and unpack image "${normalized}": not found`, cause);
    }
    addImage(node, image);
    c.imageBackOff = undefined;
    const d = goDuration(duration / 1000);
    sim.emit(
      ref,
      'Normal',
      'Pulled',
      `Successfully pulled image "${image}" in ${d} (${d} including waiting)`,
      'kubelet',
    );
    then(true);
  });
}

/** Images that are known not to be pullable by current runtimes (docs/image-behaviour.md, "Image references and pulls"). */
function knownUnpullable(normalized: string): boolean {
  return normalized === 'registry.k8s.io/busybox:latest' || normalized === 'k8s.gcr.io/busybox:latest';
}

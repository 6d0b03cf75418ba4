// An image without a tag, or tagged `latest`: the pull policy defaults to Always, and every new pod may run
// a different version (deployments are not reproducible and rollbacks do not roll back the code).
import { parseImageRef } from '../../../simulator/src/index';
import type { Finding, Rule } from './types';
import { containersOf, str } from './support/data';

export const imageLatest: Rule = {
  id: 'image-latest',
  defaultSeverity: 'warning',
  description: 'An image has no tag or the tag latest, so pods may run different versions',
  check(doc) {
    const out: Finding[] = [];
    for (const pod of doc.podSpecs()) {
      for (const c of containersOf(pod)) {
        const image = str(c.c['image']);
        if (image === undefined || image.trim() === '' || /[${}]/.test(image)) continue; // templated images are not ours to judge
        const ref = parseImageRef(image);
        if (!ref || ref.digest !== undefined) continue;
        if (ref.tagGiven && ref.tag !== 'latest') continue;
        const policy = str(c.c['imagePullPolicy']);
        const pull = policy === undefined ? 'the pull policy defaults to Always, and ' : '';
        out.push({
          range: doc.range([...c.path, 'image']),
          message: `${ref.tagGiven ? `"${image}" uses the tag latest` : `"${image}" has no tag, so it means ${image}:latest`}: ${pull}each new pod may run a different version of the image (pin a version tag or a digest)`,
        });
      }
    }
    return out;
  },
};

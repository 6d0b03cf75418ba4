// The rules that present the API server's own checks (support/presented.ts) report on a document whose
// structural check fails elsewhere, as the API server does: it validates every branch and lists every field
// error at once (pkg/apis/core/validation/validation.go: ValidatePodSpec, validateContainers,
// validateInitContainers, validateProbe/validateLivenessProbe, validateVolumeMounts;
// pkg/apis/apps/validation: ValidateDeploymentSpec, ValidatePodTemplateSpecForReplicaSet).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import { duplicateName } from '../../../server/src/rules/duplicate-name';
import { initContainerProbe } from '../../../server/src/rules/init-container-probe';
import { probeSuccessThreshold } from '../../../server/src/rules/probe-success-threshold';
import { restartPolicyInvalid } from '../../../server/src/rules/restart-policy-invalid';
import { selectorMismatch } from '../../../server/src/rules/selector-mismatch';
import { volumeMountUndefined } from '../../../server/src/rules/volume-mount-undefined';
import { loaderCodes, one } from './helpers';

// A Deployment with a container port that lacks its required `containerPort` (a structural error), and one
// mistake for each presented rule in other branches.
const text = stringify(
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'api' } },
        spec: {
          restartPolicy: 'OnFailure',
          initContainers: [{ name: 'init', image: 'busybox:1.36', readinessProbe: { exec: { command: ['true'] } } }],
          containers: [
            {
              name: 'app',
              image: 'acme/app:1',
              ports: [{ name: 'http' }],
              livenessProbe: { tcpSocket: { port: 8080 }, successThreshold: 2 },
              volumeMounts: [{ name: 'data', mountPath: '/data' }],
            },
            { name: 'app', image: 'acme/app:1' },
          ],
        },
      },
    },
  },
  { version: '1.1' },
);

test('the structural error is reported once, on its own field', () => {
  const codes = loaderCodes(text);
  assert.equal(codes.filter((c) => c === 'missing-required').length, 1, codes.join(', '));
});

test('each of the six presented rules still reports on the document', () => {
  assert.match(one(duplicateName, text).message, /app/);
  assert.match(one(initContainerProbe, text).message, /readinessProbe/);
  assert.match(one(probeSuccessThreshold, text).message, /successThreshold must be 1/);
  assert.match(one(restartPolicyInvalid, text).message, /OnFailure/);
  assert.match(one(selectorMismatch, text).message, /app/);
  assert.match(one(volumeMountUndefined, text).message, /data/);
});

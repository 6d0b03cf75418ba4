// The language server's prediction pass (server/src/features/predictionPass.ts): which documents it
// simulates after an edit, and that a newer version replaces a stale pass. Simulations are counted by the
// pass itself (its runner is the in-process one here), never timed.
//
// What a document's simulation depends on: its own objects, and the Services it resolves by DNS name; a
// cluster name resolves only if the Service exists (kube-dns: <service>.<namespace>.svc; infer.ts
// processWorld), and curl exits 6 when it cannot resolve the host ("CURLE_COULDNT_RESOLVE_HOST", curl(1)
// EXIT CODES), which, under restartPolicy Always, restarts the container again and again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeFile, type FileAnalysis } from '../../../server/src/analysis/fileAnalysis';
import { PredictionPass } from '../../../server/src/features/predictionPass';
import { inProcessRunner } from '../../../server/src/features/predictionRunner';
import type { PredictionsOf } from '../../../server/src/features/diagnostics';

const service = (name: string, port: number) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${name}
  ports:
    - port: ${port}
`;

/** A client that fetches http://db:<port>/ in a loop of restarts when `db` does not resolve. */
const client = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: client
spec:
  selector:
    matchLabels:
      app: client
  template:
    metadata:
      labels:
        app: client
    spec:
      containers:
        - name: curl
          image: curlimages/curl:8.10.1
          args: ["-sS", "http://db:5432/"]
`;

/** examples/liveness-wrong-port.yaml under another name: a crash loop whatever the Services are. */
const probed = (name: string, probePort: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: hello
          image: us-docker.pkg.dev/google-samples/containers/gke/hello-app:1.0
          ports:
            - containerPort: 8080
          livenessProbe:
            tcpSocket:
              port: ${probePort}
            initialDelaySeconds: 10
            periodSeconds: 5
`;

const file = (...docs: string[]) => docs.join('---\n');

interface Done {
  uri: string;
  version: number;
  predictionsOf: PredictionsOf;
}

function harness() {
  const done: Done[] = [];
  let notify = () => {};
  const pass = new PredictionPass(inProcessRunner(), (uri, version, predictionsOf) => {
    done.push({ uri, version, predictionsOf });
    notify();
  });
  let analysis: FileAnalysis | undefined;
  /** Plans and runs the pass for a text (as the server does after its fast publish); the simulations it ran. */
  const edit = async (text: string, version: number) => {
    analysis = analyzeFile(text, undefined, analysis);
    const before = pass.simulations;
    const plan = pass.plan(analysis);
    const finished = new Promise<void>((resolve) => (notify = resolve));
    pass.start('file:///f.yaml', version, plan);
    if (plan.missing.length > 0) await finished;
    return { simulated: pass.simulations - before, analysis, plan };
  };
  return { pass, done, edit };
}

test('an edit re-simulates only the documents whose inputs changed', async () => {
  const { edit } = harness();
  const first = await edit(file(service('db', 5432), client, probed('alpha', 8081), probed('beta', 8081)), 1);
  assert.equal(first.simulated, 3, 'three workloads; the Service is no simulation of its own');
  // One document's probe port: that document only.
  assert.equal(
    (await edit(file(service('db', 5432), client, probed('alpha', 8081), probed('beta', 9090)), 2)).simulated,
    1,
  );
  // The Service `db` changes: only the client, which names it, is simulated again.
  assert.equal(
    (await edit(file(service('db', 5433), client, probed('alpha', 8081), probed('beta', 9090)), 3)).simulated,
    1,
  );
  // A new Service that no document names: nothing to simulate (typing its name costs nothing).
  const other = await edit(
    file(service('db', 5433), service('cache', 6379), client, probed('alpha', 8081), probed('beta', 9090)),
    4,
  );
  assert.equal(other.simulated, 0);
  assert.equal(other.plan.missing.length, 0);
  // Back to a text seen before: the cache answers.
  assert.equal(
    (await edit(file(service('db', 5432), client, probed('alpha', 8081), probed('beta', 8081)), 5)).simulated,
    0,
  );
});

test('the Services a document names are part of its inputs: without `db`, curl cannot resolve it', async () => {
  const { edit } = harness();
  const messages = (r: Awaited<ReturnType<typeof edit>>) =>
    r.analysis.chunks.flatMap((c) => (r.plan.predictionsOf(c) ?? []).map((p) => p.message)).join('\n');
  const withDb = await edit(file(service('db', 5432), client), 1);
  assert.doesNotMatch(messages(withDb), /Could not resolve host/);
  const without = await edit(file(service('web', 80), client), 2);
  assert.equal(without.simulated, 1, 'the client lost a Service it names');
  assert.match(messages(without), /exit code 6: curl: \(6\) Could not resolve host: db/);
});

test('a newer version replaces a stale pass: only the latest is completed', async () => {
  const { pass, done, edit } = harness();
  const docs = (port: number) => Array.from({ length: 12 }, (_, i) => probed(`app-${i}`, i === 11 ? port : 8081));
  // Version 1 starts; version 2 (its last document edited) replaces it before it can finish.
  const v1 = analyzeFile(file(...docs(8081)));
  pass.start('file:///f.yaml', 1, pass.plan(v1));
  const result = await edit(file(...docs(9090)), 2);
  assert.deepEqual(
    done.map((d) => d.version),
    [2],
  );
  // At most one of version 1's simulations ran (the one in progress); version 2 needed all 12.
  assert.ok(pass.simulations <= 13, `${pass.simulations} simulations`);
  for (const c of result.analysis.chunks)
    assert.ok(done[0]!.predictionsOf(c)?.length, 'every document has its prediction');
});

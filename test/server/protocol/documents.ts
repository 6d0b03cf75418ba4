// The documents and diagnostic helpers of the stdio session test (server.test.ts).
import type { Diagnostic } from 'vscode-languageserver-protocol/node';

export const URI = 'file:///work/project/hello-world.yaml';
export const PLAIN_URI = 'file:///work/project/values.yaml';

// examples/liveness-wrong-port.yaml with a misspelt field: the probe checks 8081, the app listens on 8080.
export const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: hello-world
spec:
  replicas: 1
  selector:
    matchLabels:
      app: hello-world
  template:
    metadata:
      labels:
        app: hello-world
    spec:
      containers:
        - name: hello-world
          image: us-docker.pkg.dev/google-samples/containers/gke/hello-app:1.0
          imagePulPolicy: IfNotPresent
          ports:
            - containerPort: 8080
          livenessProbe:
            tcpSocket:
              port: 8081
            initialDelaySeconds: 10
            periodSeconds: 5
`;

// Not a Kubernetes file: no apiVersion/kind, so PodLab must stay silent.
export const PLAIN = `replicaCount: 2
image:
  repository: nginx
  tag: latest
unknownThing: { port: 8081 }
`;

export const codes = (ds: readonly Diagnostic[]) => ds.map((d) => String(d.code));
export const probePortDiagnostic = (ds: readonly Diagnostic[], line: number) =>
  ds.find((d) => d.code === 'probe-port-not-exposed' && d.range.start.line === line);

// Expected behaviour from the kubelet's sources: pkg/probe/util.go ResolveContainerPort → findPortByName
// returns the containerPort of the first port with that name, whatever its protocol; pkg/probe/tcp dials
// "tcp", pkg/probe/http and pkg/probe/grpc connect over TCP too. A port declared only for UDP therefore gets
// a TCP connection where nothing listens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { probePortUdp as rule } from '../../../server/src/rules/probe-port-udp';
import { applyFix, none, one, range, yaml } from './helpers';

const dns = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: dns
  spec:
    containers:
      - name: dns
        image: acme/dns:1
        ports:
          - name: dns
            containerPort: 53
            protocol: UDP
          - name: dns-tcp
            containerPort: 5353
            protocol: TCP
        readinessProbe:
          tcpSocket:
            port: dns
`;

test('probe-port-udp: a named probe port that resolves to a UDP-only port', () => {
  const f = one(rule, dns);
  assert.deepEqual(f.range, range(17, 16, 17, 19));
  assert.equal(
    f.message,
    'Readiness probe sends a TCP connection to port "dns" (53), but the pod declares 53 only for UDP: probes and hooks always connect over TCP, so nothing answers and every check fails',
  );
  assert.deepEqual(f.related, [{ range: range(11, 20, 11, 23), message: 'dns declares 53/UDP here' }]);
  assert.deepEqual(
    f.fixes?.map((x) => [x.title, x.preferred]),
    [['Use port name "dns-tcp" (5353/TCP)', true]],
  );
  assert.match(applyFix(rule, dns, f, 'Use port name "dns-tcp" (5353/TCP)'), /port: dns-tcp\n$/);
});

test('probe-port-udp: the same number also declared for TCP (the dns / dns-tcp pair) is fine', () => {
  none(rule, dns.replace('containerPort: 5353', 'containerPort: 53'));
});

test('probe-port-udp: a numeric httpGet port declared only for UDP, in another container of the pod', () => {
  const t = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
    spec:
      containers:
        - name: app
          image: acme/app:1
          livenessProbe:
            httpGet:
              path: /healthz
              port: 8125
        - name: statsd
          image: acme/statsd:1
          ports:
            - containerPort: 8125
              protocol: UDP
  `;
  const f = one(rule, t);
  assert.match(f.message, /^Liveness probe sends an HTTP request to port 8125, but the pod declares 8125 only for UDP/);
  assert.deepEqual(f.fixes, []);
});

test('probe-port-udp: the default protocol is TCP (core/v1 defaults.go SetDefaults_ContainerPort)', () => {
  none(rule, dns.replace(/\n *protocol: UDP\n/, '\n'));
});

test('probe-port-udp: a probe with its own host, an exec probe and an undefined name are not its business', () => {
  none(rule, dns.replace(/\n( *)port: dns\n/, '\n$1port: dns\n$1host: 10.0.0.1\n'));
  none(rule, dns.replace(/tcpSocket:\n( *)port: dns/, 'exec:\n$1command: [dig, "@127.0.0.1"]'));
  none(rule, dns.replace('port: dns\n', 'port: nope\n'));
});

// Less common (but current) volume sources, and the references used by PVC templates.
import { IMAGE_PULL_POLICY_DEFAULTS, VOLUME_DEFAULTS } from '../../../../simulator/src/index';
import { d, type DocTable } from '../doc';

const readOnly = d('Mounts the volume read-only. Default false.', 'readOnly: true');
const fsType = d('Filesystem type to mount (e.g. ext4, xfs). Default: ext4, or what the driver picks.', 'fsType: ext4');
const secretRef = d('Secret holding the credentials the driver needs.', 'secretRef: { name: storage-credentials }');

export const VOLUME_EXTRA_TEXTS: DocTable = {
  CSIVolumeSource: {
    driver: d('Name of the CSI driver, as registered on the nodes. Required.', 'driver: secrets-store.csi.k8s.io'),
    volumeAttributes: d(
      'Driver-specific settings, as string pairs.',
      'volumeAttributes: { secretProviderClass: app-secrets }',
    ),
    nodePublishSecretRef: d(
      'Secret passed to the driver when the volume is mounted.',
      'nodePublishSecretRef: { name: csi-creds }',
    ),
    readOnly,
    fsType,
  },
  NFSVolumeSource: {
    server: d('Host name or IP of the NFS server. Required.', 'server: nfs.example.com'),
    path: d('Exported path on the server. Required.', 'path: /exports/data'),
    readOnly,
  },
  ISCSIVolumeSource: {
    targetPortal: d('Target portal, `IP:port` (default port 3260). Required.', 'targetPortal: 10.0.0.1:3260'),
    iqn: d('iSCSI qualified name of the target. Required.', 'iqn: iqn.2001-04.com.example:storage.disk1'),
    lun: d('LUN number of the target. Required.', 'lun: 0'),
    portals: d('More target portals, for multipath.', 'portals: ["10.0.0.2:3260"]'),
    iscsiInterface: d(
      `iSCSI interface (transport) to use. Default \`${VOLUME_DEFAULTS.iscsiInterface}\` (tcp).`,
      'iscsiInterface: default',
    ),
    initiatorName: d('Custom initiator name for this connection.', 'initiatorName: iqn.2024-01.com.example:node1'),
    chapAuthDiscovery: d('Use CHAP authentication for discovery. Default false.', 'chapAuthDiscovery: true'),
    chapAuthSession: d('Use CHAP authentication for the session. Default false.', 'chapAuthSession: true'),
    secretRef: d('Secret with the CHAP credentials.', 'secretRef: { name: chap-secret }'),
    readOnly,
    fsType,
  },
  FCVolumeSource: {
    targetWWNs: d('World wide names of the Fibre Channel targets.', 'targetWWNs: ["500a0982991b8dc5"]'),
    lun: d('LUN number of the target.', 'lun: 2'),
    wwids: d(
      'World wide identifiers of the volume (instead of targetWWNs + lun).',
      'wwids: ["3600508b400105e210000900000490000"]',
    ),
    readOnly,
    fsType,
  },
  ImageVolumeSource: {
    reference: d(
      'Image or artifact to mount, like a container image reference.',
      'reference: registry.example.com/models:v1',
    ),
    pullPolicy: d(
      `When the image is pulled: Always, IfNotPresent or Never. Default: ${IMAGE_PULL_POLICY_DEFAULTS.latest} for \`:latest\`, else ${IMAGE_PULL_POLICY_DEFAULTS.other}.`,
      'pullPolicy: IfNotPresent',
      {
        Always: 'Pull every time the pod starts.',
        IfNotPresent: 'Pull only when missing from the node.',
        Never: 'Never pull; the image must already be on the node.',
      },
    ),
  },
  EphemeralVolumeSource: {
    volumeClaimTemplate: d(
      'Template of the PVC created with the pod (named `<pod>-<volume>`) and deleted with it.',
      'volumeClaimTemplate: { spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } } }',
    ),
  },
  GitRepoVolumeSource: {
    repository: d('URL of the repository to clone. Required.', 'repository: https://github.com/example/repo.git'),
    revision: d("Commit to check out. Default: the default branch's head.", 'revision: 4f8c2d8'),
    directory: d(
      'Directory to clone into, relative to the volume; `.` clones into the volume root. Default: the repository name.',
      'directory: .',
    ),
  },
  FlexVolumeSource: {
    driver: d('Name of the FlexVolume driver. Required.', 'driver: example.com/lvm'),
    options: d('Driver-specific options.', 'options: { volumeID: vol-1 }'),
    readOnly,
    fsType,
    secretRef,
  },
  ClusterTrustBundleProjection: {
    path: d('File name of the PEM bundle in the volume. Required.', 'path: ca.pem'),
    name: d('A single ClusterTrustBundle by name (instead of signerName + labelSelector).', 'name: example-ca'),
    signerName: d('Selects the bundles of this signer.', 'signerName: example.com/signer'),
    labelSelector: d(
      'With signerName: only bundles with these labels.',
      'labelSelector: { matchLabels: { env: prod } }',
    ),
    optional: d(
      'When true, a missing bundle gives an empty file instead of blocking the pod. Default false.',
      'optional: true',
    ),
  },
  TypedLocalObjectReference: {
    kind: d(
      'Kind of the source object, e.g. VolumeSnapshot or PersistentVolumeClaim. Required.',
      'kind: VolumeSnapshot',
    ),
    name: d('Name of the source object. Required.', 'name: snap-1'),
    apiGroup: d(
      'API group of the kind; empty for core kinds such as PersistentVolumeClaim.',
      'apiGroup: snapshot.storage.k8s.io',
    ),
  },
  TypedObjectReference: {
    kind: d('Kind of the source object. Required.', 'kind: VolumeSnapshot'),
    name: d('Name of the source object. Required.', 'name: snap-1'),
    apiGroup: d('API group of the kind; empty for core kinds.', 'apiGroup: snapshot.storage.k8s.io'),
    namespace: d(
      "Namespace of the source, for cross-namespace data sources (needs a ReferenceGrant). Default: the PVC's namespace.",
      'namespace: backups',
    ),
  },
};

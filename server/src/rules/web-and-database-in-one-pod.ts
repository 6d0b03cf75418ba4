// A web server and a database in one pod: they are scheduled, scaled, restarted and upgraded as one unit,
// so scaling the web tier duplicates the database (and its data), and a web crash loop takes the data store
// down with it. Images are recognised by name (the catalogue's well-known images and their usual twins).
import { parseImageRef } from '../../../simulator/src/index';
import type { Finding, Rule } from './types';
import { containersOf, str, type ContainerAt } from './support/data';

const DATABASES = new Set([
  'mysql',
  'mysql-server',
  'mariadb',
  'postgres',
  'postgresql',
  'postgis',
  'timescaledb',
  'mongo',
  'mongodb',
  'redis',
  'redis-stack-server',
  'valkey',
  'memcached',
  'cassandra',
  'couchdb',
  'couchbase',
  'neo4j',
  'influxdb',
  'clickhouse-server',
  'rethinkdb',
  'arangodb',
  'percona',
  'percona-server',
  'cockroach',
]);

const WEB = new Set([
  'nginx',
  'nginx-unprivileged',
  'openresty',
  'httpd',
  'apache',
  'caddy',
  'php',
  'wordpress',
  'drupal',
  'joomla',
  'ghost',
  'tomcat',
  'jetty',
  'node',
  'python',
  'ruby',
  'hello-app',
  'whoami',
  'http-echo',
  'nextcloud',
  'mediawiki',
]);

function imageName(c: ContainerAt): { name: string; image: string } | undefined {
  const image = str(c.c['image']);
  const ref = parseImageRef(image);
  return ref && image ? { name: ref.name, image } : undefined;
}

export const webAndDatabaseInOnePod: Rule = {
  id: 'web-and-database-in-one-pod',
  defaultSeverity: 'warning',
  description: 'A pod runs a web server and a database together, so they scale, restart and fail as one',
  check(doc) {
    const out: Finding[] = [];
    for (const pod of doc.podSpecs()) {
      const regular = containersOf(pod).filter((c) => c.kind === 'regular');
      const named = regular.map((c) => ({ c, img: imageName(c) }));
      const web = named.find((x) => x.img && WEB.has(x.img.name));
      if (!web?.img) continue;
      for (const db of named) {
        if (!db.img || !DATABASES.has(db.img.name) || db.c === web.c) continue;
        out.push({
          range: doc.range([...db.c.path, 'image']),
          message: `This pod runs a database (${db.img.image} in ${db.c.label}) next to a web server (${web.img.image} in ${web.c.label}): they are scheduled, scaled and restarted together, so scaling the web tier also duplicates the database and its data. Run the database in its own StatefulSet (or Deployment) behind a Service`,
          related: [{ range: doc.range([...web.c.path, 'image']), message: `the web server ${web.c.label}` }],
        });
      }
    }
    return out;
  },
};

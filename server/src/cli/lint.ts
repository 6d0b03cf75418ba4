// `podlab lint FILE...`: problems in manifests, for CI (text, json or sarif). Exit 1 when any error is found.
import { loadManifest, type ManifestIssue } from '../../../simulator/src/manifest';
import { flag, parseArgs, UsageError } from './args';
import { readInput } from './files';
import type { Output } from './run';
import { formatIssue } from './run';

const FORMATS = ['text', 'json', 'sarif'] as const;

interface FileResult {
  file: string;
  diagnostics: { range: ManifestIssue['range']; severity: string; code: string; source: 'podlab'; message: string }[];
}

export function lint(argv: readonly string[], io: Output): number {
  const args = parseArgs(argv, ['format'], []);
  const format = flag(args, 'format') ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
  if (args.positionals.length === 0) throw new UsageError('podlab lint needs at least one FILE');
  const results: FileResult[] = [];
  let errors = 0;
  const texts: string[] = [];
  for (const file of args.positionals) {
    const m = loadManifest(readInput(file));
    const diagnostics = m.issues.map((i) => ({ range: i.range, severity: i.severity, code: i.code, source: 'podlab' as const, message: i.message }));
    errors += m.issues.filter((i) => i.severity === 'error').length;
    results.push({ file, diagnostics });
    for (const i of m.issues) texts.push(formatIssue(file, i));
  }
  if (format === 'json') io.out(JSON.stringify(results, null, 2));
  else if (format === 'sarif') io.out(JSON.stringify(sarif(results), null, 2));
  else {
    for (const t of texts) io.out(t);
    io.out(`${results.length} file${results.length === 1 ? '' : 's'} checked, ${errors} error${errors === 1 ? '' : 's'}`);
  }
  return errors > 0 ? 1 : 0;
}

function sarif(results: FileResult[]): unknown {
  const level = (s: string) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'podlab', informationUri: 'https://github.com/podlab/podlab', rules: [] } },
        results: results.flatMap((r) =>
          r.diagnostics.map((d) => ({
            ruleId: d.code,
            level: level(d.severity),
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: r.file },
                  region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}

// Open documents and their analyses. Each open file is kept split into its YAML documents
// (yamlTextDocument.ts), so an edit re-splits only what it touched; analyses are computed lazily and cached
// per document version, and the per-YAML-document cache underneath (analysis/fileAnalysis.ts) makes a
// re-analysis after an edit cost only the document that changed. The documents are kept twice: by the
// connection's TextDocuments for the requests (server.ts), and by the diagnostics engine (OpenDocuments).
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { analyzeChunks, analyzeFile, tooLarge, type FileAnalysis } from './analysis/fileAnalysis';
import { chunkAt as scanChunkAt, looksLikeTemplate, templateToYaml, type Chunk } from '../../simulator/src/index';
import { MAX_ANALYZED_CHARS, MAX_DOCUMENTS_AT_ONCE } from './limits';
import { yamlTextDocuments, type YamlTextDocument } from './yamlTextDocument';

/** Where the open documents are kept: the connection's TextDocuments, or OpenDocuments. */
export interface DocumentStore {
  get(uri: string): YamlTextDocument | undefined;
  all(): YamlTextDocument[];
}

/** The open documents as the diagnostics engine keeps them, fed the text changes the server receives. */
export class OpenDocuments implements DocumentStore {
  private readonly docs = new Map<string, YamlTextDocument>();

  get(uri: string): YamlTextDocument | undefined {
    return this.docs.get(uri);
  }

  all(): YamlTextDocument[] {
    return [...this.docs.values()];
  }

  open(uri: string, languageId: string, version: number, text: string): void {
    this.docs.set(uri, yamlTextDocuments.create(uri, languageId, version, text));
  }

  /** False when the document is not open. */
  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): boolean {
    const doc = this.docs.get(uri);
    if (doc) yamlTextDocuments.update(doc, [...changes], version);
    return doc !== undefined;
  }

  close(uri: string): void {
    this.docs.delete(uri);
  }
}

export class Documents {
  constructor(private readonly docs: DocumentStore) {}

  private readonly analyses = new Map<string, { version: number; analysis: FileAnalysis }>();
  private readonly templates = new Map<string, { version: number; template: boolean }>();

  get(uri: string): YamlTextDocument | undefined {
    return this.docs.get(uri);
  }

  /**
   * The analysis of the document's current version. With `until` (a performance.now() time), a file of many
   * documents not analysed yet (a file just opened) may get only its first documents (`partial`); each call
   * goes on where the last one stopped.
   */
  analysis(doc: YamlTextDocument, until?: number): FileAnalysis {
    const cached = this.analyses.get(doc.uri);
    if (cached && cached.version === doc.version && !cached.analysis.partial) return cached.analysis;
    const chunks = doc.chunks();
    const deadline = chunks.length > MAX_DOCUMENTS_AT_ONCE ? until : undefined;
    // A chart template is analysed as its YAML (holes for the actions), split whole and at once: the
    // document's own split is of the template's text.
    const analysis =
      doc.textLength > MAX_ANALYZED_CHARS
        ? tooLarge(doc.getText())
        : this.isTemplate(doc)
          ? analyzeFile(doc.getText(), MAX_ANALYZED_CHARS, cached?.analysis, doc.uri)
          : analyzeChunks(chunks, cached?.analysis, deadline);
    this.analyses.set(doc.uri, { version: doc.version, analysis });
    return analysis;
  }

  /**
   * The YAML document containing a line, from the document's own split (a chart template's from its YAML): the
   * requests' documents are never analysed on their thread (the diagnostics worker analyses its own copy), so a
   * request right after an edit does not analyse the whole file first.
   */
  chunkAt(doc: YamlTextDocument, line: number): Chunk | undefined {
    if (!this.isTemplate(doc)) return doc.chunkAt(line);
    return scanChunkAt(templateToYaml(doc.getText()).text, line);
  }

  /** A chart template (once per version; mayBeTemplate spares the ordinary file a join of its text). */
  private isTemplate(doc: YamlTextDocument): boolean {
    const known = this.templates.get(doc.uri);
    if (known && known.version === doc.version) return known.template;
    const template = doc.mayBeTemplate() && looksLikeTemplate(doc.getText(), doc.uri);
    this.templates.set(doc.uri, { version: doc.version, template });
    return template;
  }

  forget(uri: string): void {
    this.analyses.delete(uri);
    this.templates.delete(uri);
  }
}

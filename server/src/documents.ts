// Open documents and their analyses. Each open file is kept split into its YAML documents
// (yamlTextDocument.ts), so an edit re-splits only what it touched; analyses are computed lazily and cached
// per document version, and the per-YAML-document cache underneath (analysis/fileAnalysis.ts) makes a
// re-analysis after an edit cost only the document that changed.
import { TextDocuments } from 'vscode-languageserver';
import { analyzeChunks, chunkAt, tooLarge, type FileAnalysis } from './analysis/fileAnalysis';
import type { Chunk } from '../../simulator/src/index';
import { MAX_ANALYZED_CHARS, MAX_DOCUMENTS_AT_ONCE } from './limits';
import { yamlTextDocuments, type YamlTextDocument } from './yamlTextDocument';

export class Documents {
  readonly docs = new TextDocuments(yamlTextDocuments);
  private readonly analyses = new Map<string, { version: number; analysis: FileAnalysis }>();

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
    const analysis =
      doc.textLength > MAX_ANALYZED_CHARS ? tooLarge(doc.getText()) : analyzeChunks(chunks, cached?.analysis, deadline);
    this.analyses.set(doc.uri, { version: doc.version, analysis });
    return analysis;
  }

  /**
   * The YAML document containing a line: from the analysis when this version has one, else from the
   * document's own split. A request right after an edit then does not analyse the whole file first.
   */
  chunkAt(doc: YamlTextDocument, line: number): Chunk | undefined {
    const cached = this.analyses.get(doc.uri);
    if (cached && cached.version === doc.version && !cached.analysis.partial)
      return chunkAt(cached.analysis, line)?.chunk;
    return doc.chunkAt(line);
  }

  forget(uri: string): void {
    this.analyses.delete(uri);
  }
}

// Open documents and their analyses. Each open file is kept split into its YAML documents
// (yamlTextDocument.ts), so an edit re-splits only what it touched; analyses are computed lazily and cached
// per document version, and the per-YAML-document cache underneath (analysis/fileAnalysis.ts) makes a
// re-analysis after an edit cost only the document that changed.
import { TextDocuments } from 'vscode-languageserver';
import { analyzeChunks, chunkAt, tooLarge, type FileAnalysis } from './analysis/fileAnalysis';
import type { Chunk } from '../../simulator/src/index';
import { MAX_ANALYZED_CHARS } from './limits';
import { yamlTextDocuments, type YamlTextDocument } from './yamlTextDocument';

export class Documents {
  readonly docs = new TextDocuments(yamlTextDocuments);
  private readonly analyses = new Map<string, { version: number; analysis: FileAnalysis }>();

  get(uri: string): YamlTextDocument | undefined {
    return this.docs.get(uri);
  }

  analysis(doc: YamlTextDocument): FileAnalysis {
    const cached = this.analyses.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.analysis;
    const analysis =
      doc.textLength > MAX_ANALYZED_CHARS ? tooLarge(doc.getText()) : analyzeChunks(doc.chunks(), cached?.analysis);
    this.analyses.set(doc.uri, { version: doc.version, analysis });
    return analysis;
  }

  /**
   * The YAML document containing a line: from the analysis when this version has one, else from the
   * document's own split. A request right after an edit then does not analyse the whole file first.
   */
  chunkAt(doc: YamlTextDocument, line: number): Chunk | undefined {
    const cached = this.analyses.get(doc.uri);
    if (cached && cached.version === doc.version) return chunkAt(cached.analysis, line)?.chunk;
    return doc.chunkAt(line);
  }

  forget(uri: string): void {
    this.analyses.delete(uri);
  }
}

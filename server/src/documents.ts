// Open documents and their analyses. Analyses are computed lazily and cached per document version; the
// per-YAML-document cache underneath (analysis/fileAnalysis.ts) makes a re-analysis after an edit cost
// only the document that changed.
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeFile, chunkAt, type FileAnalysis } from './analysis/fileAnalysis';
import { chunkAt as scanChunkAt, type Chunk } from '../../simulator/src/index';

export class Documents {
  readonly docs = new TextDocuments(TextDocument);
  private readonly analyses = new Map<string, { version: number; analysis: FileAnalysis }>();

  get(uri: string): TextDocument | undefined {
    return this.docs.get(uri);
  }

  analysis(doc: TextDocument): FileAnalysis {
    const cached = this.analyses.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.analysis;
    const analysis = analyzeFile(doc.getText(), undefined, cached?.analysis);
    this.analyses.set(doc.uri, { version: doc.version, analysis });
    return analysis;
  }

  /**
   * The YAML document containing a line: from the analysis when this version has one, else by scanning the
   * text up to that line. A request right after an edit then does not analyse the whole file first.
   */
  chunkAt(doc: TextDocument, line: number): Chunk | undefined {
    const cached = this.analyses.get(doc.uri);
    if (cached && cached.version === doc.version) return chunkAt(cached.analysis, line)?.chunk;
    return scanChunkAt(doc.getText(), line);
  }

  forget(uri: string): void {
    this.analyses.delete(uri);
  }
}

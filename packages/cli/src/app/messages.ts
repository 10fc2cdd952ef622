/** What the page and its worker say to each other. */
import type { ColumnProfile } from './profile.js';

/**
 * The most rows the page reads. The file is read a slice at a time, so its size in bytes does
 * not matter, but the report holds the rows of the columns it uses, as the command line's
 * does. Measured with the command (the same V8): 115 bytes a row for one to four answer
 * columns, 230 for sixteen, and a text column adds its characters. Chromium's heap ends near
 * 3.7 GB, so 10 M rows leave room for wide reports; a report of many comment columns over
 * millions of rows can still need more, which the command line reads.
 */
export const PAGE_MAX_ROWS = 10_000_000;

export interface ReportRequest {
  readonly id: number;
  readonly file: File;
  /** Files chosen beside the export (a journey, a codebook, …), read by name where a flag names them. */
  readonly sideFiles: readonly File[];
  /** The set-up's flags, as pairs (a Map does not cross postMessage in every browser the same). */
  readonly flags: readonly (readonly [string, readonly string[]])[];
  /** Only read the header and profile the columns. */
  readonly profileOnly: boolean;
}

export type WorkerMessage =
  | { readonly id: number; readonly type: 'progress'; readonly position: number; readonly size: number }
  | { readonly id: number; readonly type: 'profile'; readonly columns: readonly ColumnProfile[]; readonly layout: string; readonly notes: readonly string[] }
  | {
      readonly id: number;
      readonly type: 'report';
      readonly html: string;
      readonly results: Readonly<Record<string, unknown>>;
      readonly tablesCsv: string;
      readonly followUpsCsv: string | null;
      readonly notes: readonly string[];
      readonly seconds: number;
    }
  | { readonly id: number; readonly type: 'error'; readonly message: string }
  /** A file with more rows than {@link PAGE_MAX_ROWS}. */
  | { readonly id: number; readonly type: 'too-many-rows' };

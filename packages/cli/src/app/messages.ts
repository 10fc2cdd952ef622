/** What the page and its worker say to each other. */
import type { ColumnProfile } from './profile.js';

export interface ReportRequest {
  readonly id: number;
  readonly file: File;
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
  | { readonly id: number; readonly type: 'error'; readonly message: string };

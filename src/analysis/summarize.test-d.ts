/**
 * Type-level checks, run by `tsc --noEmit` (part of `npm test`): the metrics a summary asks
 * for are present in its results, and interval methods are unions of names, not `string`.
 */
import { expectTypeOf } from 'vitest';
import { csat, nps, type CesResult, type CsatResult, type ItemResult, type NpsResult, type SummarizeOptions } from '../index.js';
import { summarize } from './summarize.js';

const rows = [{ channel: 'web', q: 9, s: 4 }];

const asked = summarize(rows, { by: 'channel', nps: 'q', csat: { field: (row) => row.s } });
expectTypeOf(asked.total.nps).toEqualTypeOf<NpsResult>();
expectTypeOf(asked.groups[0]!.csat).toEqualTypeOf<CsatResult>();
expectTypeOf(asked.total.ces).toEqualTypeOf<CesResult | readonly ItemResult<CesResult>[] | undefined>();

// Several fields of a metric: a list of results, each with its field.
const items = summarize(rows, { csat: ['s', { field: (row) => row.q, label: 'q as csat', scale: { min: 0, max: 10 } }] });
expectTypeOf(items.total.csat).toEqualTypeOf<readonly ItemResult<CsatResult>[]>();
expectTypeOf(items.total.csat[0]!.field).toEqualTypeOf<string>();

// Options typed as the general interface promise nothing in particular.
const general: SummarizeOptions<(typeof rows)[number]> = { nps: 'q' };
expectTypeOf(summarize(rows, general).total.nps).toEqualTypeOf<NpsResult | readonly ItemResult<NpsResult>[] | undefined>();

// Accessors are typed by the rows.
summarize(rows, { nps: (row) => row.q });
// @ts-expect-error: the rows have no field `missing`
summarize(rows, { nps: (row) => row.missing });

expectTypeOf(nps([9]).interval!.method).toEqualTypeOf<'adjusted-wald' | 'iterative' | 'wald'>();
expectTypeOf(csat([5]).interval!.method).toEqualTypeOf<'wilson' | 'agresti-coull' | 'jeffreys' | 'clopper-pearson' | 'wald'>();

import { defineCodebook, type Codebook, type CodebookDefinition } from '../define-codebook.js';
import { knownIndex, rememberIndex, type CodebookIndex } from './codebook-index.js';

/** The index of a codebook (checked first when it is only a definition), built once per codebook object. */
export function codebookIndex(codebook: Codebook | CodebookDefinition): CodebookIndex {
  const known = knownIndex(codebook);
  if (known !== undefined) return known;
  const index = knownIndex(defineCodebook(codebook))!;
  rememberIndex(codebook, index);
  return index;
}

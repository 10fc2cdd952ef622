/** Longest label drawn in a chart as it is; longer ones (question texts) are drawn by a short key. */
const LONGEST = 28;
/** Width in characters of a line of the key below a chart's title. */
const KEY_LINE = 90;

/** How a chart names its items (questions, drivers): as written, or by short keys with their full texts listed. */
export interface ItemKeys {
  /** What the chart draws for each name. */
  readonly shown: (name: string) => string;
  /** The key's lines ("Q1 How satisfied were you…", wrapped), empty when every name is drawn as written. */
  readonly lines: readonly string[];
}

/**
 * Labels that stay legible whatever the names: when any name is longer than a short label
 * (a Qualtrics question text runs to a hundred characters, and two of them overlap beside
 * points or in a facet header), every name is drawn as Q1, Q2… in order, and the key gives
 * the full texts, each wrapped at word boundaries.
 */
export function itemKeys(names: readonly string[], prefix = 'Q'): ItemKeys {
  const distinct = [...new Set(names)];
  if (distinct.every((name) => [...name].length <= LONGEST)) return { shown: (name) => name, lines: [] };
  const keys = new Map(distinct.map((name, i) => [name, `${prefix}${i + 1}`]));
  return {
    shown: (name) => keys.get(name) ?? name,
    lines: distinct.flatMap((name) => wrap(`${keys.get(name)} ${name.replace(/\s+/g, ' ').trim()}`, KEY_LINE)),
  };
}

/** A text in lines of at most `width` characters, broken at spaces (a longer word stands alone on its line). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && [...line].length + 1 + [...word].length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * The letter of a banner column, as spreadsheets name columns: A…Z, then AA, AB… — a table
 * of more than 26 columns goes on rather than stopping (the letters a cell lists are kept
 * as a list, so "AB" is never read as A and B).
 */
export function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

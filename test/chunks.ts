/** A text in chunks of `size` characters, as a file stream delivers it: for the CLI's stream readers. */
export async function* inChunks(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

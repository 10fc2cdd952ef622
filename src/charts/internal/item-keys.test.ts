import { describe, expect, it } from 'vitest';
import { itemKeys, wrap } from './item-keys.js';

describe('itemKeys', () => {
  it('short names are drawn as written, with no key', () => {
    const keys = itemKeys(['Seat comfort', 'Cleanliness']);
    expect(keys.shown('Seat comfort')).toBe('Seat comfort');
    expect(keys.lines).toEqual([]);
  });

  it('one long name turns every name into Q1, Q2… in order, the key wrapped at 90 characters', () => {
    const long = 'How satisfied were you with the cleanliness of the cabin, the seats and the toilets during your flight today?';
    const keys = itemKeys(['Seat comfort', long, 'Seat comfort']);
    expect([keys.shown('Seat comfort'), keys.shown(long)]).toEqual(['Q1', 'Q2']);
    // "Q2 How … toilets" is 86 characters; with " during" it would be 93 > 90, so the line breaks there.
    expect(keys.lines).toEqual(['Q1 Seat comfort', 'Q2 How satisfied were you with the cleanliness of the cabin, the seats and the toilets', 'during your flight today?']);
    expect(keys.lines.every((line) => line.length <= 90)).toBe(true);
  });
});

describe('wrap', () => {
  it('breaks at spaces, a word longer than the width on its own line', () => {
    expect(wrap('aa bb cc', 5)).toEqual(['aa bb', 'cc']);
    expect(wrap('a verylongword b', 4)).toEqual(['a', 'verylongword', 'b']);
  });
});

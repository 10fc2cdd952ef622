/**
 * Groups keyed by one value or by a tuple of values, in first-seen order. Keys are `Map`
 * keys (so "__proto__" is an ordinary key and 1 differs from "1"); tuples are nested maps,
 * never joined into strings that could collide.
 */
export function keyedGroups<Group>(create: (key: unknown) => Group) {
  const root = new Map<unknown, unknown>();
  const ordered: { key: unknown; group: Group }[] = [];
  const leaf = Symbol('group');
  return {
    /** The group of a key (a value, or the tuple `parts` when grouping by several fields). */
    get(parts: readonly unknown[], key: unknown): Group {
      let level = root;
      for (const part of parts) {
        let next = level.get(part) as Map<unknown, unknown> | undefined;
        if (next === undefined) {
          next = new Map();
          level.set(part, next);
        }
        level = next;
      }
      let group = level.get(leaf) as Group | undefined;
      if (group === undefined) {
        group = create(key);
        level.set(leaf, group);
        ordered.push({ key, group });
      }
      return group;
    },
    entries(): readonly { key: unknown; group: Group }[] {
      return ordered;
    },
  };
}

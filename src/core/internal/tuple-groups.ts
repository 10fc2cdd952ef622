/**
 * Groups keyed by a tuple of values (grouping by several fields), in first-seen order. The
 * parts are `Map` keys at nested levels, never joined into strings that could collide, so
 * ["a,b"] and ["a", "b"] differ, and "__proto__" is an ordinary key.
 */
export function tupleGroups<Group>(create: () => Group) {
  const root = new Map<unknown, unknown>();
  const ordered: { key: unknown[]; group: Group }[] = [];
  const leaf = Symbol('group');
  return {
    /** The group of a tuple; `parts` is copied only when the group is new. */
    get(parts: readonly unknown[]): Group {
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
        group = create();
        level.set(leaf, group);
        ordered.push({ key: parts.slice(), group });
      }
      return group;
    },
    entries(): readonly { key: unknown[]; group: Group }[] {
      return ordered;
    },
  };
}

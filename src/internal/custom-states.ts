/** Set or clear a custom state (`:state(name)`); does nothing where `ElementInternals.states` is missing. */
export function setState(internals: ElementInternals | undefined, name: string, on: boolean): void {
  const states = internals?.states;
  if (!states) return;
  if (on) states.add(name);
  else states.delete(name);
}

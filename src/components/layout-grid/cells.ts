/**
 * The cell (DOM element) each tile of the page is drawn in. A tile that leaves the page hands
 * its cell to the one that takes its place, so a speaker brought onto the page from another one
 * updates a tile (a new `identity`) instead of building one and dropping another.
 */
export class CellPool {
  readonly #cellOf = new Map<string, number>();
  #nextCell = 0;

  /** The cell of each tile on the page (by key): kept, else freed by a tile that left. */
  assign(keys: readonly string[]): number[] {
    const onPage = new Set(keys);
    const free: number[] = [];
    for (const [key, cell] of this.#cellOf) {
      if (onPage.has(key)) continue;
      free.push(cell);
      this.#cellOf.delete(key);
    }
    free.sort((a, b) => a - b);
    return keys.map((key) => {
      let cell = this.#cellOf.get(key);
      if (cell === undefined) {
        cell = free.shift() ?? this.#nextCell++;
        this.#cellOf.set(key, cell);
      }
      return cell;
    });
  }
}

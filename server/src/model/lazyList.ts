/** Array-like read access to items built on demand. */
export abstract class LazyList<T> implements Iterable<T> {
  abstract readonly length: number;
  /** Item i (0-based); undefined when out of range. */
  abstract get(i: number): T;

  [Symbol.iterator](): Iterator<T> {
    let i = 0;
    return {
      next: (): IteratorResult<T> => (i < this.length ? { value: this.get(i++), done: false } : { value: undefined, done: true }),
    };
  }
  at(i: number): T | undefined {
    const k = i < 0 ? this.length + i : i;
    return k >= 0 && k < this.length ? this.get(k) : undefined;
  }
  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.get(i));
    return out;
  }
  map<U>(fn: (item: T, index: number) => U): U[] {
    const out: U[] = [];
    for (let i = 0; i < this.length; i++) out.push(fn(this.get(i), i));
    return out;
  }
  filter(fn: (item: T, index: number) => boolean): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.length; i++) {
      const x = this.get(i);
      if (fn(x, i)) out.push(x);
    }
    return out;
  }
  forEach(fn: (item: T, index: number) => void): void {
    for (let i = 0; i < this.length; i++) fn(this.get(i), i);
  }
  find(fn: (item: T, index: number) => boolean): T | undefined {
    for (let i = 0; i < this.length; i++) {
      const x = this.get(i);
      if (fn(x, i)) return x;
    }
    return undefined;
  }
  findIndex(fn: (item: T, index: number) => boolean): number {
    for (let i = 0; i < this.length; i++) if (fn(this.get(i), i)) return i;
    return -1;
  }
  some(fn: (item: T, index: number) => boolean): boolean {
    return this.findIndex(fn) >= 0;
  }
  every(fn: (item: T, index: number) => boolean): boolean {
    for (let i = 0; i < this.length; i++) if (!fn(this.get(i), i)) return false;
    return true;
  }
  reduce<U>(fn: (acc: U, item: T, index: number) => U, initial: U): U {
    let acc = initial;
    for (let i = 0; i < this.length; i++) acc = fn(acc, this.get(i), i);
    return acc;
  }
  /** JSON.stringify writes the items. */
  toJSON(): T[] {
    return this.toArray();
  }
}

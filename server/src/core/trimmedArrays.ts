/**
 * A typed array filled to `count` of a larger capacity, as one of exactly that size when the unused part is
 * worth a copy (more than an eighth), else as a view. A view keeps the whole buffer alive: the segment table of a
 * 50 MB file was allocated for 3.1 million segments and held 2.1 million, and the line index grew by doubling.
 *
 * Memory trick. Protects: "resident memory with a 50 MB file open" (README benchmark table); the copy costs about
 * a millisecond on the 10 MB file ("parse + claim model, 10 MB").
 */
type Typed = Int32Array | Uint32Array | Uint16Array;

export function trimmed<T extends Typed>(array: T, count: number): T {
  if (array.length - count > array.length >> 3) return array.slice(0, count) as T;
  return array.subarray(0, count) as T;
}

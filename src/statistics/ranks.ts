/**
 * Ranks 1..n of the values, ties sharing their average rank ("fractional ranking"). The values are
 * sorted together with their positions (a quicksort on typed arrays, falling back to insertion sort on
 * short runs), then each run of equal values gets the mean of the ranks it spans.
 *
 * @example averageRanks([10, 30, 20, 20]) // Float64Array [1, 4, 2.5, 2.5]
 */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const keys = new Float64Array(n);
  const positions = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    keys[i] = values[i]!;
    positions[i] = i;
  }
  sortTogether(keys, positions, 0, n - 1);
  const ranks = new Float64Array(n);
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && keys[end] === keys[start]) end++;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[positions[k]!] = rank;
    start = end;
  }
  return ranks;
}

function sortTogether(keys: Float64Array, positions: Int32Array, low: number, high: number): void {
  while (high - low > 16) {
    const pivot = medianOfThree(keys[low]!, keys[(low + high) >>> 1]!, keys[high]!);
    let i = low;
    let j = high;
    while (i <= j) {
      while (keys[i]! < pivot) i++;
      while (keys[j]! > pivot) j--;
      if (i <= j) {
        swap(keys, positions, i, j);
        i++;
        j--;
      }
    }
    if (j - low < high - i) {
      sortTogether(keys, positions, low, j);
      low = i;
    } else {
      sortTogether(keys, positions, i, high);
      high = j;
    }
  }
  for (let i = low + 1; i <= high; i++) {
    const key = keys[i]!;
    const position = positions[i]!;
    let j = i - 1;
    while (j >= low && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      positions[j + 1] = positions[j]!;
      j--;
    }
    keys[j + 1] = key;
    positions[j + 1] = position;
  }
}

function medianOfThree(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
}

function swap(keys: Float64Array, positions: Int32Array, i: number, j: number): void {
  const key = keys[i]!;
  keys[i] = keys[j]!;
  keys[j] = key;
  const position = positions[i]!;
  positions[i] = positions[j]!;
  positions[j] = position;
}

// The cells of the grid a box filter is read from, in both databases (events_box_cell).
/** Cells of a quarter of a degree, numbered as the index events_box_cell of both databases numbers them (rows of 1,440 from 90° south, 180° west). */
const BOX_CELLS_PER_DEGREE = 4;
/** A box over more cells than this is read by its latitude and longitude (a broad box: a large part of the events). */
const MAX_BOX_CELLS = 4096;

/**
 * The cells of the grid of events_box_cell a box covers, or null when it covers more than
 * MAX_BOX_CELLS of them. A box whose west is east of its east crosses the antimeridian.
 */
export function boxCells([w, s, e, n]: readonly [number, number, number, number]): number[] | null {
  const row = (lat: number) => Math.floor((Math.max(-90, Math.min(90, lat)) + 90) * BOX_CELLS_PER_DEGREE);
  const col = (lon: number) => Math.floor((Math.max(-180, Math.min(180, lon)) + 180) * BOX_CELLS_PER_DEGREE);
  const columns: [number, number][] = w <= e ? [[col(w), col(e)]] : [[col(w), col(180)], [col(-180), col(e)]];
  const rows = row(n) - row(s) + 1;
  const width = columns.reduce((t, [a, b]) => t + b - a + 1, 0);
  if (rows * width > MAX_BOX_CELLS) return null;
  const out: number[] = [];
  for (let y = row(s); y <= row(n); y++) for (const [a, b] of columns) for (let x = a; x <= b; x++) out.push(y * 360 * BOX_CELLS_PER_DEGREE + x);
  return out;
}

/** The cells of one row (a quarter of a degree of latitude) of the grid. */
const CELLS_PER_ROW = 360 * BOX_CELLS_PER_DEGREE;

/** The row and column of the cell of a point, as both databases compute them (in doubles, as here). */
const rowOf = (lat: number) => Math.floor((lat + 90) * BOX_CELLS_PER_DEGREE);
const columnOf = (lon: number) => Math.floor((lon + 180) * BOX_CELLS_PER_DEGREE);

const bits = new Float64Array(1);
const bitsAsInt = new BigInt64Array(bits.buffer);
/** The double next to x towards +∞ (up) or −∞ (down): x is finite. */
function nextDouble(x: number, up: boolean): number {
  if (x === 0) return up ? Number.MIN_VALUE : -Number.MIN_VALUE;
  bits[0] = x;
  bitsAsInt[0]! += (x > 0) === up ? 1n : -1n;
  return bits[0]!;
}

/**
 * A box's cells as the weekly timeline reads them: `whole`, the cells of boxCells(box) that lie inside
 * the box by their edges, read without their points (event_rollup_week); `cut`, the others, read from
 * their points. A cell's number is computed from a point in doubles, and (lat + 90) * 4 rounds a point a
 * hair south of a cell's edge up into the cell: where the box's south or west edge is a cell's edge,
 * points a hair outside the box are numbered in its first whole row or column. Those cells are
 * `fringed`: their points outside the box are read and taken off. Never whole: a cell of column 0 (a
 * point at 180° east is numbered there, in the row above), nor of row 720 (a point at 90° north).
 * Null when boxCells is.
 */
export interface BoxCellParts {
  readonly whole: readonly number[];
  readonly fringed: readonly number[];
  readonly cut: readonly number[];
}

export function boxCellParts(box: readonly [number, number, number, number]): BoxCellParts | null {
  const cells = boxCells(box);
  if (!cells) return null;
  const [w, s, e, n] = box;
  // Edges of cells are multiples of a quarter of a degree: exact in doubles, as their comparisons.
  const south = (y: number) => y / BOX_CELLS_PER_DEGREE - 90, west = (x: number) => x / BOX_CELLS_PER_DEGREE - 180;
  const rowWhole = (y: number) => y < 180 * BOX_CELLS_PER_DEGREE && south(y) >= s && south(y + 1) <= n;
  const columnWhole = (x: number) => x !== 0 && x < CELLS_PER_ROW && (w <= e ? west(x) >= w && west(x + 1) <= e : west(x) >= w || west(x + 1) <= e);
  // The first whole row, and the first whole column east of the west edge: a hair outside the edge
  // falls in them when the double just outside it is numbered there.
  let firstRow = rowOf(s);
  while (!rowWhole(firstRow) && firstRow <= rowOf(n)) firstRow++;
  let firstColumn = columnOf(w);
  while (!columnWhole(firstColumn) && firstColumn <= columnOf(w) + 2) firstColumn++;
  const fringedRow = rowOf(nextDouble(s, false)) >= firstRow ? firstRow : -1;
  const fringedColumn = columnWhole(firstColumn) && columnOf(nextDouble(w, false)) >= firstColumn ? firstColumn : -1;
  const whole: number[] = [], fringed: number[] = [], cut: number[] = [];
  for (const c of cells) {
    const y = Math.floor(c / CELLS_PER_ROW), x = c % CELLS_PER_ROW;
    if (!rowWhole(y) || !columnWhole(x)) cut.push(c);
    else {
      whole.push(c);
      if (y === fringedRow || x === fringedColumn) fringed.push(c);
    }
  }
  return { whole, fringed, cut };
}

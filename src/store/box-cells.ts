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
 * The cells of boxCells(box) whose every point is inside the box, by the box filter's own test
 * (lat between south and north, lon between west and east, or either side of the antimeridian):
 * their events are counted without reading their points (event_rollup_week). A cell's number comes
 * from a point in doubles, so a point a hair outside a box whose edge is a cell's edge can fall in
 * the cell: a cell is inside only when the double just outside each edge of the box falls in a cell
 * before it. Never a cell of column 0 (a point at 180° east is numbered there, in the row above), nor
 * of row 720 (a point at 90° north). Null when boxCells is.
 */
export function cellsInside(box: readonly [number, number, number, number]): number[] | null {
  const cells = boxCells(box);
  if (!cells) return null;
  const [w, s, e, n] = box;
  // The first row and column wholly at or after an edge, the last wholly at or before one.
  const firstRow = rowOf(nextDouble(s, false)) + 1, lastRow = rowOf(nextDouble(n, true)) - 1;
  const afterWest = columnOf(nextDouble(w, false)) + 1, beforeEast = columnOf(nextDouble(e, true)) - 1;
  const inside = (x: number) => (w <= e ? x >= afterWest && x <= beforeEast : x >= afterWest || x <= beforeEast);
  return cells.filter((c) => {
    const y = Math.floor(c / CELLS_PER_ROW), x = c % CELLS_PER_ROW;
    return x !== 0 && y < 180 * BOX_CELLS_PER_DEGREE && y >= firstRow && y <= lastRow && inside(x);
  });
}

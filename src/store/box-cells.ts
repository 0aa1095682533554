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

// Painting the network's numbers onto canvases: grids of activation maps, and filters in a
// blue-white-red colour map. (Letters are drawn by lib/letters/draw-letter: dark ink on white.)
const RGBA = 4;
const OPAQUE = 255;

/** The bytes of a base64 string (activation maps come that way, to keep messages small). */
export function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export interface GridLayout {
  columns: number;
  rows: number;
  /** Canvas pixels per map pixel. */
  scale: number;
  gap: number;
  width: number;
  height: number;
}

/** Maps about `target` canvas pixels wide, at most `maxColumns` to a row. */
export function gridLayout(
  count: number,
  mapHeight: number,
  mapWidth: number,
  target = 80,
  maxColumns = 8,
  gap = 4,
): GridLayout {
  const scale = Math.max(1, Math.floor(target / Math.max(mapHeight, mapWidth)));
  const columns = Math.max(1, Math.min(count, maxColumns));
  const rows = Math.ceil(count / columns);
  return {
    columns,
    rows,
    scale,
    gap,
    width: columns * (mapWidth * scale + gap) - gap,
    height: rows * (mapHeight * scale + gap) - gap,
  };
}

/** Fills a w x h canvas area of `image` at (x, y) with one colour. */
function block(
  image: ImageData,
  x: number,
  y: number,
  w: number,
  h: number,
  rgb: readonly number[],
): void {
  for (let r = y; r < y + h; r++) {
    for (let c = x; c < x + w; c++)
      image.data.set([rgb[0], rgb[1], rgb[2], OPAQUE], (r * image.width + c) * RGBA);
  }
}

/** Between maps: the page's light line colour. Between filters: a mid grey, so near-white weights
 * (close to 0) do not melt into the gaps. */
const MAP_GAP = [201, 207, 219] as const;
const FILTER_GAP = [110, 118, 133] as const;

/**
 * Paints `count` tiles of `tileHeight` x `tileWidth` cells in the grid `layout` on `canvas` (sized
 * to it), each cell a scale x scale block of the colour `colour(tile, cell)` gives, on `gapColour`.
 */
function paintGrid(
  canvas: HTMLCanvasElement,
  count: number,
  tileHeight: number,
  tileWidth: number,
  layout: GridLayout,
  gapColour: readonly number[],
  colour: (tile: number, cell: number) => readonly number[],
): void {
  canvas.width = layout.width;
  canvas.height = layout.height;
  const context = canvas.getContext('2d');
  if (!context) return;
  const image = context.createImageData(layout.width, layout.height);
  block(image, 0, 0, layout.width, layout.height, gapColour);
  const cells = tileHeight * tileWidth;
  for (let t = 0; t < count; t++) {
    const x0 = (t % layout.columns) * (tileWidth * layout.scale + layout.gap);
    const y0 = Math.floor(t / layout.columns) * (tileHeight * layout.scale + layout.gap);
    for (let p = 0; p < cells; p++) {
      const x = x0 + (p % tileWidth) * layout.scale;
      const y = y0 + Math.floor(p / tileWidth) * layout.scale;
      block(image, x, y, layout.scale, layout.scale, colour(t, p));
    }
  }
  context.putImageData(image, 0, 0);
}

/** `count` maps of `mapHeight` x `mapWidth` bytes (map after map) in a grid, each pixel a block. */
export function paintMaps(
  canvas: HTMLCanvasElement,
  bytes: Uint8Array,
  count: number,
  mapHeight: number,
  mapWidth: number,
  layout: GridLayout,
): void {
  const area = mapHeight * mapWidth;
  paintGrid(canvas, count, mapHeight, mapWidth, layout, MAP_GAP, (m, p) => {
    const v = bytes[m * area + p];
    return [v, v, v];
  });
}

const NEGATIVE = [33, 102, 172] as const;
const ZERO = [247, 247, 247] as const;
const POSITIVE = [178, 24, 43] as const;

/** Blue for negative, near-white for 0, red for positive, by |value| / absMax. */
export function divergingColour(value: number, absMax: number): [number, number, number] {
  const t = absMax > 0 ? Math.max(-1, Math.min(1, value / absMax)) : 0;
  const end = t < 0 ? NEGATIVE : POSITIVE;
  const a = Math.abs(t);
  return [0, 1, 2].map((i) => Math.round(ZERO[i] + (end[i] - ZERO[i]) * a)) as [
    number,
    number,
    number,
  ];
}

/** Kernels (filter after filter, rows within; the first input's) as coloured squares in a grid. */
export function paintFilters(
  canvas: HTMLCanvasElement,
  weights: number[],
  count: number,
  kernelHeight: number,
  kernelWidth: number,
  absMax: number,
  layout: GridLayout,
  /** Weights from one filter to the next (more than one kernel when it has several inputs). */
  stride = kernelHeight * kernelWidth,
): void {
  paintGrid(canvas, count, kernelHeight, kernelWidth, layout, FILTER_GAP, (f, p) =>
    divergingColour(weights[f * stride + p], absMax),
  );
}

// Handwritten-looking letters A..J for the drawing pads: a few stroke styles per letter, bent by a
// seeded random hand (size, slant, rotation, position, wobble, brush), drawn with the real mouse
// (or touch) in Chromium. Coordinates are fractions of the pad, y down.
import type { Locator, Page } from 'playwright-core';
import { mulberry32 } from '../../../src-main/core/random';

type Point = [number, number];
type Stroke = Point[];

/** A quarter-to-full arc from angle `from` to `to` (degrees, 0 = right, 90 = down). */
function arc(cx: number, cy: number, rx: number, ry: number, from: number, to: number): Stroke {
  const steps = Math.max(4, Math.round(Math.abs(to - from) / 20));
  return Array.from({ length: steps + 1 }, (_, i) => {
    const a = ((from + ((to - from) * i) / steps) * Math.PI) / 180;
    return [cx + rx * Math.cos(a), cy + ry * Math.sin(a)] as Point;
  });
}

/** Every letter's styles: each style is a list of strokes. */
export const STYLES: Stroke[][][] = [
  // A: pointed, or with a flat top; crossbar high or low.
  [
    [
      [
        [0.2, 0.85],
        [0.5, 0.15],
        [0.8, 0.85],
      ],
      [
        [0.33, 0.58],
        [0.67, 0.58],
      ],
    ],
    [
      [
        [0.22, 0.86],
        [0.42, 0.16],
        [0.58, 0.16],
        [0.78, 0.86],
      ],
      [
        [0.3, 0.62],
        [0.7, 0.62],
      ],
    ],
  ],
  // B
  [
    [
      [
        [0.3, 0.15],
        [0.3, 0.85],
      ],
      [[0.3, 0.15], ...arc(0.48, 0.32, 0.22, 0.17, -90, 90), [0.3, 0.5]],
      [[0.3, 0.5], ...arc(0.5, 0.675, 0.25, 0.175, -90, 90), [0.3, 0.85]],
    ],
  ],
  // C: round, or narrow.
  [[arc(0.52, 0.5, 0.27, 0.35, 320, 40)], [arc(0.55, 0.5, 0.22, 0.36, 310, 50)]],
  // D
  [
    [
      [
        [0.3, 0.15],
        [0.3, 0.85],
      ],
      [[0.3, 0.15], ...arc(0.42, 0.5, 0.32, 0.35, -90, 90), [0.3, 0.85]],
    ],
  ],
  // E: in one stroke and an arm, or in four.
  [
    [
      [
        [0.72, 0.15],
        [0.3, 0.15],
        [0.3, 0.85],
        [0.72, 0.85],
      ],
      [
        [0.3, 0.5],
        [0.62, 0.5],
      ],
    ],
    [
      [
        [0.32, 0.15],
        [0.32, 0.85],
      ],
      [
        [0.32, 0.15],
        [0.7, 0.15],
      ],
      [
        [0.32, 0.5],
        [0.6, 0.5],
      ],
      [
        [0.32, 0.85],
        [0.72, 0.85],
      ],
    ],
  ],
  // F
  [
    [
      [
        [0.72, 0.15],
        [0.32, 0.15],
        [0.32, 0.85],
      ],
      [
        [0.32, 0.5],
        [0.62, 0.5],
      ],
    ],
  ],
  // G: a C with a bar in, or with a hook.
  [
    [
      arc(0.52, 0.5, 0.27, 0.35, 320, 40),
      [
        [0.79, 0.72],
        [0.79, 0.55],
        [0.58, 0.55],
      ],
    ],
    [[...arc(0.52, 0.5, 0.27, 0.35, 320, 40), [0.79, 0.55], [0.6, 0.55]]],
  ],
  // H
  [
    [
      [
        [0.28, 0.15],
        [0.28, 0.85],
      ],
      [
        [0.72, 0.15],
        [0.72, 0.85],
      ],
      [
        [0.28, 0.5],
        [0.72, 0.5],
      ],
    ],
  ],
  // I: a bar, or with serifs.
  [
    [
      [
        [0.5, 0.15],
        [0.5, 0.85],
      ],
    ],
    [
      [
        [0.5, 0.15],
        [0.5, 0.85],
      ],
      [
        [0.36, 0.15],
        [0.64, 0.15],
      ],
      [
        [0.36, 0.85],
        [0.64, 0.85],
      ],
    ],
  ],
  // J: a hook, or a hook with a top bar.
  [
    [[[0.65, 0.15], [0.65, 0.66], ...arc(0.5, 0.66, 0.15, 0.19, 0, 160)]],
    [
      [[0.65, 0.15], [0.65, 0.66], ...arc(0.5, 0.66, 0.15, 0.19, 0, 160)],
      [
        [0.45, 0.15],
        [0.82, 0.15],
      ],
    ],
  ],
];

/** A small dot (the dot of an i or a j), as a tap of the pen makes it. */
function dot(x: number, y: number): Stroke {
  return [
    [x, y],
    [x + 0.004, y + 0.004],
  ];
}

/** Lowercase forms many children write when asked for a letter: a..j (one style each). */
export const LOWERCASE: Stroke[][] = [
  // a: a bowl and a stem on its right
  [
    arc(0.5, 0.65, 0.16, 0.2, 330, 30),
    [
      [0.66, 0.45],
      [0.66, 0.86],
    ],
  ],
  // b: a tall stem and a bowl at its foot
  [
    [
      [0.36, 0.15],
      [0.36, 0.86],
    ],
    arc(0.52, 0.67, 0.16, 0.19, 180, 540),
  ],
  // c: a small C
  [arc(0.52, 0.65, 0.16, 0.2, 320, 40)],
  // d: a bowl and a tall stem on its right
  [
    arc(0.46, 0.67, 0.16, 0.19, 0, 360),
    [
      [0.62, 0.15],
      [0.62, 0.86],
    ],
  ],
  // e: the bar, then round to the lower right
  [[[0.34, 0.65], [0.67, 0.65], ...arc(0.5, 0.65, 0.17, 0.2, 360, 40)]],
  // f: a hooked top, a long stem and a cross bar
  [
    [...arc(0.58, 0.27, 0.11, 0.11, 330, 180), [0.47, 0.86]],
    [
      [0.33, 0.46],
      [0.63, 0.46],
    ],
  ],
  // g: a bowl and a stem that hooks left below the line
  [
    arc(0.47, 0.55, 0.15, 0.15, 0, 360),
    [[0.62, 0.42], [0.62, 0.86], ...arc(0.48, 0.86, 0.14, 0.1, 0, 160)],
  ],
  // h: a tall stem and an arch
  [
    [
      [0.35, 0.15],
      [0.35, 0.86],
    ],
    [[0.35, 0.62], ...arc(0.5, 0.62, 0.15, 0.13, 180, 360), [0.65, 0.86]],
  ],
  // i: a short stem and a dot
  [
    [
      [0.5, 0.45],
      [0.5, 0.86],
    ],
    dot(0.5, 0.28),
  ],
  // j: a short stem with a hook below the line, and a dot
  [[[0.57, 0.45], [0.57, 0.82], ...arc(0.45, 0.82, 0.12, 0.12, 0, 160)], dot(0.57, 0.28)],
];

export interface Handwriting {
  strokes: Stroke[];
  /** Brush width in pad pixels (the pad's brush slider goes 8..48). */
  brush: number;
}

/** Points every `step` along a stroke, so a wobble can bend its straight parts. */
function densify(stroke: Stroke, step: number): Stroke {
  const out: Stroke = [stroke[0]];
  for (let i = 1; i < stroke.length; i++) {
    const [ax, ay] = stroke[i - 1];
    const [bx, by] = stroke[i];
    const n = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / step));
    for (let k = 1; k <= n; k++) out.push([ax + ((bx - ax) * k) / n, ay + ((by - ay) * k) / n]);
  }
  return out;
}

/**
 * Letter `label` as a random hand (seed) writes it. `mess` 0 is a steady hand; 1 (the default)
 * writes as a child does with a mouse: lopsided shapes, wobbly lines, strokes that miss each other,
 * thin or thick ink, slanted and turned. `lowercase` is the chance it writes the small letter.
 */
export function handwriting(label: number, seed: number, mess = 1, lowercase = 0): Handwriting {
  const random = mulberry32(seed * 7919 + label * 104729 + 1);
  const between = (a: number, b: number) => a + (b - a) * random();
  const styles = STYLES[label];
  const small = random() < lowercase;
  const style = small ? LOWERCASE[label] : styles[Math.floor(random() * styles.length)];
  const scale = between(0.6, 1);
  const stretch = between(1 - 0.3 * mess, 1 + 0.3 * mess);
  const angle = (between(-12 - 8 * mess, 12 + 8 * mess) * Math.PI) / 180;
  const shear = between(-0.15 - 0.15 * mess, 0.15 + 0.15 * mess);
  const [dx, dy] = [between(-0.08, 0.08), between(-0.08, 0.08)];
  // A smooth warp makes the shapes lopsided (one bowl of a B bigger, a leg of an A longer).
  const warp = [between(-0.06, 0.06), between(-0.06, 0.06)].map((a) => a * mess);
  const phase = [between(0, 2 * Math.PI), between(0, 2 * Math.PI)];
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const place = ([x, y]: Point): Point => {
    const wx = x + warp[0] * Math.sin(2 * Math.PI * y + phase[0]);
    const wy = y + warp[1] * Math.sin(2 * Math.PI * x + phase[1]);
    const u = (wx - 0.5) * stretch + shear * (wy - 0.5);
    const v = wy - 0.5;
    return [(u * cos - v * sin) * scale + 0.5 + dx, (u * sin + v * cos) * scale + 0.5 + dy];
  };
  const clamp = (v: number) => Math.min(0.97, Math.max(0.03, v));
  const strokes = style.map((stroke) => {
    // Each stroke lands a little off where it should (strokes miss or cross each other)…
    const [sx, sy] = [between(-0.035, 0.035) * mess, between(-0.035, 0.035) * mess];
    // …and wobbles as a mouse does: a random walk pulled back towards the line.
    let [wx, wy] = [0, 0];
    const wobble = 0.006 + 0.01 * mess;
    return densify(stroke.map(place), 0.03).map(([x, y]): Point => {
      wx = 0.7 * wx + between(-wobble, wobble);
      wy = 0.7 * wy + between(-wobble, wobble);
      return [clamp(x + sx + wx), clamp(y + sy + wy)];
    });
  });
  const brushes = mess > 0.5 ? [8, 12, 12, 16, 20, 24, 28] : [16, 20, 24, 28, 32];
  return { strokes, brush: brushes[Math.floor(random() * brushes.length)] };
}

/** Draws `strokes` on the canvas `pad` with the mouse, point to point in small steps. */
export async function drawWithMouse(page: Page, pad: Locator, strokes: Stroke[]): Promise<void> {
  const box = await pad.boundingBox();
  if (!box) throw new Error('the drawing pad is not on screen');
  const at = ([fx, fy]: Point) => [box.x + fx * box.width, box.y + fy * box.height] as const;
  for (const stroke of strokes) {
    await page.mouse.move(...at(stroke[0]));
    await page.mouse.down();
    // The strokes' points are close together (see densify): one mouse move each.
    for (const point of stroke.slice(1)) await page.mouse.move(...at(point));
    await page.mouse.up();
  }
}

/** Sets the pad's brush slider (8..48 in steps of 4), as dragging it would. */
export async function setBrush(slider: Locator, width: number): Promise<void> {
  await slider.evaluate((element, value) => {
    const input = element as unknown as { value: string; dispatchEvent(e: unknown): void };
    input.value = String(value);
    input.dispatchEvent(
      new (globalThis as unknown as { Event: new (t: string, o: object) => unknown }).Event(
        'input',
        { bubbles: true },
      ),
    );
  }, width);
}

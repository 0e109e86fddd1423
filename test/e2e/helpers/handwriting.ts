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

export interface Handwriting {
  strokes: Stroke[];
  /** Brush width in pad pixels (the pad's brush slider goes 8..48). */
  brush: number;
}

/** Letter `label` as a random hand (seed) writes it. */
export function handwriting(label: number, seed: number): Handwriting {
  const random = mulberry32(seed * 7919 + label * 104729 + 1);
  const between = (a: number, b: number) => a + (b - a) * random();
  const styles = STYLES[label];
  const style = styles[Math.floor(random() * styles.length)];
  const scale = between(0.65, 1);
  const stretch = between(0.8, 1.2);
  const angle = (between(-12, 12) * Math.PI) / 180;
  const shear = between(-0.2, 0.2);
  const [dx, dy] = [between(-0.08, 0.08), between(-0.08, 0.08)];
  const wobble = between(0.005, 0.02);
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const place = ([x, y]: Point): Point => {
    const u = (x - 0.5) * stretch + shear * (y - 0.5);
    const v = y - 0.5;
    const rx = (u * cos - v * sin) * scale + 0.5 + dx + between(-wobble, wobble);
    const ry = (u * sin + v * cos) * scale + 0.5 + dy + between(-wobble, wobble);
    return [Math.min(0.97, Math.max(0.03, rx)), Math.min(0.97, Math.max(0.03, ry))];
  };
  return {
    strokes: style.map((stroke) => stroke.map(place)),
    brush: [16, 20, 24, 28, 32][Math.floor(random() * 5)],
  };
}

/** Draws `strokes` on the canvas `pad` with the mouse, point to point in small steps. */
export async function drawWithMouse(page: Page, pad: Locator, strokes: Stroke[]): Promise<void> {
  const box = await pad.boundingBox();
  if (!box) throw new Error('the drawing pad is not on screen');
  const at = ([fx, fy]: Point) => [box.x + fx * box.width, box.y + fy * box.height] as const;
  for (const stroke of strokes) {
    await page.mouse.move(...at(stroke[0]));
    await page.mouse.down();
    for (const point of stroke.slice(1)) await page.mouse.move(...at(point), { steps: 4 });
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

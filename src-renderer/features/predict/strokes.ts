// The drawing: strokes of round ink on white paper, in the canvas's own pixels.
import type { Stroke } from '../../lib/state/predict.svelte';

/** The drawing canvas is this many pixels square, whatever its size on screen. */
export const PAD_SIZE = 336;
export const INK = '#000';
export const PAPER = '#fff';
export const BRUSH = { min: 8, max: 48, step: 4 };

export function clearPad(context: CanvasRenderingContext2D): void {
  context.fillStyle = PAPER;
  context.fillRect(0, 0, PAD_SIZE, PAD_SIZE);
}

function setPen(context: CanvasRenderingContext2D, width: number): void {
  context.strokeStyle = INK;
  context.fillStyle = INK;
  context.lineWidth = width;
  context.lineCap = 'round';
  context.lineJoin = 'round';
}

/** A dot where a stroke starts (a tap is a dot). */
export function drawDot(
  context: CanvasRenderingContext2D,
  width: number,
  [x, y]: [number, number],
): void {
  setPen(context, width);
  context.beginPath();
  context.arc(x, y, width / 2, 0, 2 * Math.PI);
  context.fill();
}

/** The segment from `from` to `to` of a stroke being drawn. */
export function drawSegment(
  context: CanvasRenderingContext2D,
  width: number,
  from: [number, number],
  to: [number, number],
): void {
  setPen(context, width);
  context.beginPath();
  context.moveTo(from[0], from[1]);
  context.lineTo(to[0], to[1]);
  context.stroke();
}

export function drawStroke(context: CanvasRenderingContext2D, stroke: Stroke): void {
  const [first, ...rest] = stroke.points;
  if (!first) return;
  drawDot(context, stroke.width, first);
  if (rest.length === 0) return;
  setPen(context, stroke.width);
  context.beginPath();
  context.moveTo(first[0], first[1]);
  for (const [x, y] of rest) context.lineTo(x, y);
  context.stroke();
}

export function redraw(context: CanvasRenderingContext2D, strokes: readonly Stroke[]): void {
  clearPad(context);
  for (const stroke of strokes) drawStroke(context, stroke);
}

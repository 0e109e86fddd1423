// Draws one letter of one face large (white on black) and turns it into a notMNIST-style 28x28 glyph.

import { createCanvas } from '@napi-rs/canvas';
import type { SKRSContext2D } from '@napi-rs/canvas';
import { LetterLabError } from '../../src-main/core/errors';
import { fitToFrame, inkBox } from './fit';
import type { InkBox } from './fit';
import { fontSpec } from './fonts';
import type { FontFace } from './fonts';

/** notMNIST images are 28 x 28. */
export const FRAME = 28;
/** Side of the scratch canvas the glyph is drawn on before shrinking. */
export const CANVAS_PX = 448;
/** The longer side of the drawn glyph, in scratch pixels (about 11x supersampling). */
export const GLYPH_PX = 320;
/** Scratch pixels at or above this red value count as ink (binary mask: robust, reproducible). */
export const INK_THRESHOLD = 128;
/** The ink must stay this far from the scratch canvas edge, or it may have been cut off. */
const EDGE_MARGIN = 2;
const MEASURE_PX = 100;
const RGBA = 4;

/** How a glyph is drawn: rotation, horizontal stretch, and position within the free space. */
export interface GlyphPose {
  angleDeg: number;
  stretchX: number;
  /** In [-1, 1]: 0 centred; see fitToFrame(). */
  shiftX: number;
  shiftY: number;
}

export const PLAIN_POSE: GlyphPose = { angleDeg: 0, stretchX: 1, shiftX: 0, shiftY: 0 };

/** Reuses one scratch canvas to draw many glyphs. */
export class GlyphRenderer {
  private readonly ctx: SKRSContext2D;
  private readonly mask = new Uint8Array(CANVAS_PX * CANVAS_PX);

  constructor() {
    this.ctx = createCanvas(CANVAS_PX, CANVAS_PX).getContext('2d');
  }

  /** Draws the letter large and returns its binary ink mask (CANVAS_PX square) and ink box. */
  drawMask(face: FontFace, letter: string, pose: GlyphPose): { mask: Uint8Array; box: InkBox } {
    const { ctx } = this;
    const angle = (pose.angleDeg * Math.PI) / 180;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, CANVAS_PX, CANVAS_PX);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';

    // Pick the font size that makes the (rotated, stretched) glyph about GLYPH_PX on its longer side.
    ctx.font = fontSpec(face, MEASURE_PX);
    const probe = ctx.measureText(letter);
    const w = (probe.actualBoundingBoxLeft + probe.actualBoundingBoxRight) * pose.stretchX;
    const h = probe.actualBoundingBoxAscent + probe.actualBoundingBoxDescent;
    if (!(w > 0 && h > 0)) this.fail(face, letter, 'has no measurable outline');
    const cos = Math.abs(Math.cos(angle));
    const sin = Math.abs(Math.sin(angle));
    const extent = Math.max(w * cos + h * sin, w * sin + h * cos);
    const px = Math.round(((MEASURE_PX * GLYPH_PX) / extent) * 100) / 100;

    ctx.font = fontSpec(face, px);
    const m = ctx.measureText(letter);
    ctx.translate(CANVAS_PX / 2, CANVAS_PX / 2);
    ctx.rotate(angle);
    ctx.scale(pose.stretchX, 1);
    ctx.fillStyle = '#fff';
    ctx.fillText(
      letter,
      -(m.actualBoundingBoxRight - m.actualBoundingBoxLeft) / 2,
      (m.actualBoundingBoxAscent - m.actualBoundingBoxDescent) / 2,
    );

    const pixels = ctx.getImageData(0, 0, CANVAS_PX, CANVAS_PX).data;
    const mask = this.mask;
    for (let i = 0; i < mask.length; i++) mask[i] = pixels[i * RGBA] >= INK_THRESHOLD ? 1 : 0;
    const box = inkBox(mask, CANVAS_PX, CANVAS_PX);
    if (!box) this.fail(face, letter, 'drew no ink');
    const lim = CANVAS_PX - EDGE_MARGIN;
    if (box.x0 < EDGE_MARGIN || box.y0 < EDGE_MARGIN || box.x1 > lim || box.y1 > lim) {
      this.fail(face, letter, 'was cut off at the edge of the scratch canvas');
    }
    return { mask, box };
  }

  /** A FRAME x FRAME row-major uint8 image: white glyph on black, its ink box filling the frame. */
  render(face: FontFace, letter: string, pose: GlyphPose): Uint8Array {
    const { mask, box } = this.drawMask(face, letter, pose);
    return fitToFrame(mask, CANVAS_PX, box, FRAME, pose.shiftX, pose.shiftY);
  }

  private fail(face: FontFace, letter: string, problem: string): never {
    throw new LetterLabError(
      'sample.glyph-bad',
      `"${letter}" in ${face.name} ${problem}. Drop this face from scripts/sample/fonts.ts or fix the drawing.`,
    );
  }
}

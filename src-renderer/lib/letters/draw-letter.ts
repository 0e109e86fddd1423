// Draws a letter's grey levels onto a canvas: ink (255) dark on white paper, as the notebook's
// grey colour map shows them.
const RGBA = 4;
const OPAQUE = 255;
const WHITE = 255;

export function drawLetter(
  canvas: HTMLCanvasElement,
  pixels: ArrayLike<number>,
  width: number,
  height: number,
): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  const image = context.createImageData(width, height);
  const size = Math.min(pixels.length, width * height);
  for (let i = 0; i < size; i++) {
    const shade = WHITE - pixels[i];
    image.data[i * RGBA] = shade;
    image.data[i * RGBA + 1] = shade;
    image.data[i * RGBA + 2] = shade;
    image.data[i * RGBA + 3] = OPAQUE;
  }
  context.putImageData(image, 0, 0);
}

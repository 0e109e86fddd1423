// How each compared run is drawn: a colour AND a dash pattern AND a marker, so runs stay apart
// in grey print and with colour blindness. Every colour has at least 4.5:1 contrast on white.

export interface RunStyle {
  color: string;
  dash: number[];
  marker: 'circle' | 'triangle' | 'rect' | 'rectRot' | 'crossRot' | 'star' | 'cross' | 'line';
}

export const RUN_STYLES: readonly RunStyle[] = [
  { color: '#1f5fbf', dash: [], marker: 'circle' },
  { color: '#b34700', dash: [8, 4], marker: 'triangle' },
  { color: '#1b6e3a', dash: [2, 3], marker: 'rect' },
  { color: '#8e2a6f', dash: [12, 4, 2, 4], marker: 'rectRot' },
  { color: '#222833', dash: [5, 5], marker: 'crossRot' },
  { color: '#5b3fa0', dash: [14, 6], marker: 'star' },
  { color: '#00697a', dash: [2, 7], marker: 'cross' },
  { color: '#7a5200', dash: [8, 3, 2, 3, 2, 3], marker: 'line' },
];

export function runStyle(index: number): RunStyle {
  return RUN_STYLES[index % RUN_STYLES.length];
}

/** An SVG stroke-dasharray for the legend ("" for a solid line). */
export function dashArray(style: RunStyle): string {
  return style.dash.join(' ');
}

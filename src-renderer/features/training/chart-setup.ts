// chart.js line charts for the live charts, with the app's default font and text colour.
import { Chart } from '../../lib/charts/line-chart';

Chart.defaults.font.family = "'Noto Sans', system-ui, sans-serif";
Chart.defaults.font.size = 13;
Chart.defaults.color = '#4a5263';

/**
 * Training and validation differ by colour (blue / orange, told apart with colour blindness too),
 * by line (solid / dashed) and by marker (dots / triangles). Each has at least 3:1 contrast on
 * white (WCAG 1.4.11): blue 6.1:1, orange 5.5:1, the thin batch line 3.2:1.
 */
export const SERIES = {
  train: { color: '#1f5fbf', dash: [] as number[], marker: 'circle' as const },
  val: { color: '#b34700', dash: [7, 5], marker: 'triangle' as const },
  batch: { color: '#6a8fd6', dash: [] as number[] },
};

export { Chart };
export { GRID_COLOR } from '../../lib/charts/style';

// chart.js with only what the comparison charts use (lines on linear scales, tooltips).
import { Chart, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip);

export const GRID_COLOR = '#e1e5ee';
export const FONT = "'Noto Sans', system-ui, sans-serif";

export { Chart };

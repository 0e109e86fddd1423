// chart.js with only what the line charts use (lines on linear scales, tooltips), registered once.
import { Chart, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip);

export { Chart };

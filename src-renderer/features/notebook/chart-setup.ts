// The comparison charts: chart.js line charts, with their font named on each chart.
export { Chart } from '../../lib/charts/line-chart';
export { GRID_COLOR } from '../../lib/charts/style';

export const FONT = "'Noto Sans', system-ui, sans-serif";

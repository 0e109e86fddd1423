// chart.js with only what the probability bars use (a bar chart on a category and a linear
// scale), registered once.
import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

/**
 * Bar colours, each at least 3:1 against white (WCAG 1.4.11): the true letter green, the
 * network's wrong guess orange, the guess on a drawing blue, other letters grey. The guess is
 * also outlined, so it is marked without relying on colour.
 */
export const BAR = {
  other: '#6b7385',
  truth: '#1b6e3a',
  wrong: '#b34700',
  guess: '#1f5fbf',
  outline: '#1b1f2a',
};

export { Chart };
export { GRID_COLOR } from '../../lib/charts/style';

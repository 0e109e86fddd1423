/** The grid lines of every chart: light enough to stay behind the data. */
export const GRID_COLOR = '#e1e5ee';

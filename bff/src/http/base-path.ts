// Where Poort is mounted on the site: one value for the BFF and the widget, in contract/paths.ts.
export { API_BASE, BASE } from '../../../contract/paths.js';

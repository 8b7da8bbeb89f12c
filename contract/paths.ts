// Where Poort is mounted on the site: the widget's default `bff` attribute and every BFF route.
// Everything under API_BASE is for fetch callers (JSON); the rest (login start, ACS, development
// pages) is where browsers navigate to.
export const BASE = '/poort';
export const API_BASE = `${BASE}/api/`;
/** The simulated brokers' pages (development only; kept here so no route has to load samlify). */
export const DEV_BROKERS_PATH = `${BASE}/dev/brokers`;
export const DEV_ACMIDM_PATH = `${BASE}/dev/acmidm`;

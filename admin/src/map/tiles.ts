// The map tiles, chosen at build time (VITE_TILE_URL); the API's Content-Security-Policy
// allows the host of the URL the app was built with (see vite.config.ts, admin-static.ts).
export const tileUrl: string = import.meta.env.VITE_TILE_URL || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

/** The tiles' credit: the configured one, else OpenStreetMap's, its words in the interface's language. */
export const tileAttribution = (contributors: string): string =>
  import.meta.env.VITE_TILE_ATTRIBUTION ||
  `&copy; <a href="https://www.openstreetmap.org/copyright">${contributors}</a>`;

/** Somewhere to look before there is anything to show: metropolitan France. */
export const franceCentre: [number, number] = [46.6, 2.4];

/**
 * An APPROXIMATE location is the centre of a grid cell of at least 5 km: drawn as a circle
 * reaching the corners of such a cell (about 3.5 km), never as a point that looks exact.
 */
export const approximateRadiusMetres = 3500;

// The map tiles, chosen at build time (VITE_TILE_URL); the API's Content-Security-Policy
// allows the host of the URL the app was built with (see vite.config.ts, admin-static.ts).
export const tileUrl: string = import.meta.env.VITE_TILE_URL || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

/** The tiles' credit: the configured one, else OpenStreetMap's, its words in the interface's language. */
export const tileAttribution = (contributors: string): string =>
  import.meta.env.VITE_TILE_ATTRIBUTION ||
  `&copy; <a href="https://www.openstreetmap.org/copyright">${contributors}</a>`;

/** Where the map opens: mainland France and Corsica (south-west, north-east). */
export const mainland: [[number, number], [number, number]] = [
  [41.3, -5.2],
  [51.1, 9.6],
];

/** Whether a point is in mainland France or Corsica (so that overseas points do not widen the view). */
export const inMainland = (lat: number, lon: number) =>
  lat >= mainland[0][0] && lat <= mainland[1][0] && lon >= mainland[0][1] && lon <= mainland[1][1];

/**
 * An APPROXIMATE location is the centre of a grid cell of at least 5 km: drawn as a circle
 * reaching the corners of such a cell (about 3.5 km), never as a point that looks exact.
 */
export const approximateRadiusMetres = 3500;

// react-admin's light theme with colours dark enough for WCAG AA text contrast (white on the
// app bar, primary-coloured text buttons on white).
import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

const blue = '#1a4d8f';

export const theme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: { ...defaultLightTheme.palette, primary: { main: blue }, secondary: { main: blue } },
  components: {
    ...defaultLightTheme.components,
    // Spinners (react-admin's loading indicator, autocompletes) are progress bars to assistive
    // technology, which must name them (axe: aria-progressbar-name); the interface is French first.
    MuiCircularProgress: { defaultProps: { 'aria-label': 'Chargement…' } },
  },
};

// Every structure matching the list's filters on a map (up to mapLimit), located as the viewer
// may see it: an EXACT location is a point, an APPROXIMATE one a circle as wide as the
// uncertainty (never a pin that would look exact).
import { Box, Typography } from '@mui/material';
import type { LatLngTuple } from 'leaflet';
import type { ReactNode } from 'react';
import { useCreatePath, useGetList, useListContext, useTranslate } from 'react-admin';
import { Circle, CircleMarker, Popup } from 'react-leaflet';
import { BaseMap, FitBounds } from '../map/BaseMap.tsx';
import { approximateRadiusMetres, inMainland } from '../map/tiles.ts';
import { mapLimit } from './data.ts';

interface Located {
  id: string;
  name: string;
  visibility: string;
  city: string | null;
  location: { lat: number; lon: number; precision: 'EXACT' | 'APPROXIMATE' } | null;
}

const colours: Record<string, string> = { PUBLIC: '#1b5e20', RESTRICTED: '#8a4600', CONFIDENTIAL: '#a4001d' };

/** Every colour and shape the map uses, with what it means. */
const Legend = () => {
  const translate = useTranslate();
  const swatch = (children: ReactNode) => (
    <svg width="22" height="22" viewBox="0 0 22 22" aria-hidden="true" style={{ flex: 'none' }}>
      {children}
    </svg>
  );
  const item = (key: string, icon: ReactNode, text: string) => (
    <Box component="li" key={key} sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
      {icon}
      <Typography variant="body2">{text}</Typography>
    </Box>
  );
  return (
    <Box component="figure" sx={{ m: 0, mt: 1 }} aria-label={translate('repere.map.legendTitle')}>
      <Typography variant="subtitle2" component="figcaption">
        {translate('repere.map.legendTitle')}
      </Typography>
      <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'flex', flexWrap: 'wrap', columnGap: 3 }}>
        {Object.entries(colours).map(([visibility, colour]) =>
          item(
            visibility,
            swatch(<circle cx="11" cy="11" r="7" fill={colour} stroke="#fff" strokeWidth="2" />),
            translate(`repere.visibility.${visibility}`),
          ),
        )}
        {item(
          'exact',
          swatch(<circle cx="11" cy="11" r="7" fill="#555" stroke="#fff" strokeWidth="2" />),
          translate('repere.map.exact'),
        )}
        {item(
          'approximate',
          swatch(<circle cx="11" cy="11" r="9" fill="#555" fillOpacity="0.15" stroke="#555" strokeDasharray="4 3" />),
          translate('repere.map.approximate'),
        )}
        {item(
          'outline',
          swatch(<rect x="2" y="4" width="18" height="14" fill="#f4f1ea" stroke="#6b7b88" />),
          translate('repere.map.outline'),
        )}
      </Box>
    </Box>
  );
};

export const StructureMap = () => {
  const { filterValues } = useListContext();
  const { data, total, isPending } = useGetList<Located>('structures', {
    filter: filterValues,
    pagination: { page: 1, perPage: mapLimit },
    meta: { all: true },
  });
  const translate = useTranslate();
  const createPath = useCreatePath();
  const located = (data ?? []).filter((s) => s.location);
  const points = located.map((s) => [s.location!.lat, s.location!.lon] as LatLngTuple);
  // Mainland points when there are any: overseas ones would zoom the view out to the whole globe
  // (the territory picker reaches them).
  const mainlandPoints = points.filter(([lat, lon]) => inMainland(lat, lon));
  const shown = mainlandPoints.length ? mainlandPoints : points;
  const bounds = shown.length ? shown : null;
  return (
    <Box sx={{ p: 1 }}>
      <Typography variant="body2" sx={{ mb: 1 }} data-testid="map-summary">
        {isPending
          ? translate('ra.page.loading')
          : translate('repere.map.summary', {
              shown: located.length,
              listed: total ?? data?.length ?? 0,
              smart_count: located.length,
            })}
        {!isPending && (total ?? 0) > (data?.length ?? 0)
          ? ` ${translate('repere.map.capped', { limit: mapLimit })}`
          : ''}
      </Typography>
      <BaseMap height={520} label={translate('repere.map.label')}>
        <FitBounds bounds={bounds} />
        {located.map((s) => {
          const { lat, lon, precision } = s.location!;
          const colour = colours[s.visibility] ?? '#1a237e';
          const popup = (
            <Popup>
              <strong>{s.name}</strong>
              {s.city ? ` — ${s.city}` : ''}
              <br />
              {translate('resources.structures.fields.location')} : {translate(`repere.precision.${precision}`)}
              <br />
              <a href={`#${createPath({ resource: 'structures', id: s.id, type: 'show' })}`}>
                {translate('repere.map.open')}
              </a>
            </Popup>
          );
          return precision === 'EXACT' ? (
            <CircleMarker
              key={s.id}
              center={[lat, lon]}
              radius={8}
              pathOptions={{
                color: '#fff',
                weight: 2,
                fillColor: colour,
                fillOpacity: 1,
              }}
              className="repere-marker repere-marker-exact"
            >
              {popup}
            </CircleMarker>
          ) : (
            <Circle
              key={s.id}
              center={[lat, lon]}
              radius={approximateRadiusMetres}
              pathOptions={{
                color: colour,
                weight: 2,
                dashArray: '6 4',
                fillColor: colour,
                fillOpacity: 0.15,
              }}
              className="repere-marker repere-marker-approximate"
            >
              {popup}
            </Circle>
          );
        })}
      </BaseMap>
      <Legend />
    </Box>
  );
};

// A Leaflet map over the department outlines the API serves (a base layer under the tiles, so
// the map reads without a tile server), opening on mainland France, with a picker for the
// overseas departments. Tiles are drawn over the outlines when the network allows; a tile that
// fails to load is left blank (the markers are SVG, so they never depend on tiles).
import 'leaflet/dist/leaflet.css';
import { Box, MenuItem, TextField } from '@mui/material';
import { type LatLngBoundsExpression, GeoJSON as LeafletGeoJSON } from 'leaflet';
import { type ReactNode, useEffect, useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { MapContainer, GeoJSON as OutlineLayer, Pane, TileLayer, useMap } from 'react-leaflet';
import { mainland, tileAttribution, tileUrl } from './tiles.ts';

/** Moves the view to the given bounds whenever they change (by value). */
export const FitBounds = ({ bounds }: { bounds: LatLngBoundsExpression | null }) => {
  const map = useMap();
  const key = JSON.stringify(bounds);
  useEffect(() => {
    const latest = JSON.parse(key) as LatLngBoundsExpression | null;
    if (latest) map.fitBounds(latest, { padding: [24, 24], maxZoom: 13 });
  }, [key, map]);
  return null;
};

type Outlines = GeoJSON.FeatureCollection<GeoJSON.Geometry, { code: string; name: string }>;

let outlines: Promise<Outlines | null> | null = null;
/** The outlines, asked once per page (the API lets browsers keep them a day). */
function loadOutlines(): Promise<Outlines | null> {
  outlines ??= fetch('/geo/departments.geojson', { credentials: 'omit' }).then(
    (res) => (res.ok ? (res.json() as Promise<Outlines>) : null),
    () => null,
  );
  return outlines;
}

function useOutlines(): Outlines | null {
  const [data, setData] = useState<Outlines | null>(null);
  useEffect(() => {
    let live = true;
    loadOutlines().then((o) => live && setData(o));
    return () => {
      live = false;
    };
  }, []);
  return data;
}

/** Overseas departments have codes 971–976: each one's outline bounds, for the picker. */
function overseasOf(data: Outlines | null) {
  return (data?.features ?? [])
    .filter((f) => f.properties.code.startsWith('97'))
    .map((f) => {
      const b = new LeafletGeoJSON(f).getBounds();
      return {
        code: f.properties.code,
        name: f.properties.name,
        bounds: [
          [b.getSouth(), b.getWest()],
          [b.getNorth(), b.getEast()],
        ] as [[number, number], [number, number]],
      };
    });
}

const Territory = ({ data, onPick }: { data: Outlines | null; onPick: (b: LatLngBoundsExpression) => void }) => {
  const translate = useTranslate();
  const [value, setValue] = useState('');
  const overseas = overseasOf(data);
  return (
    <TextField
      select
      size="small"
      label={translate('repere.map.territory')}
      value={value}
      sx={{ minWidth: 220, mb: 1 }}
      onChange={(e) => {
        setValue(e.target.value);
        const found = overseas.find((o) => o.code === e.target.value);
        onPick(found ? found.bounds : mainland);
      }}
    >
      <MenuItem value="FR-MAINLAND">{translate('repere.map.mainland')}</MenuItem>
      {overseas.map((o) => (
        <MenuItem key={o.code} value={o.code}>
          {o.name}
        </MenuItem>
      ))}
    </TextField>
  );
};

export const BaseMap = ({
  height,
  label,
  children,
  view,
}: {
  height: number | string;
  label: string;
  children?: ReactNode;
  /** A fixed opening view (the location picker); else mainland France fills the map. */
  view?: { center: [number, number]; zoom: number };
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const data = useOutlines();
  const [picked, setPicked] = useState<LatLngBoundsExpression | null>(null);
  return (
    <section aria-label={label} className="repere-map">
      <Territory data={data} onPick={setPicked} />
      <Box sx={{ height, width: '100%' }}>
        <MapContainer
          {...(view ?? { bounds: mainland })}
          style={{ height: '100%', width: '100%', background: '#cfe0ea' }}
        >
          {/* Under the tiles (z-index 200): seen where tiles do not load. */}
          <Pane name="outlines" style={{ zIndex: 150 }}>
            {data ? (
              <OutlineLayer
                key={data.features.length}
                data={data}
                interactive={false}
                style={{ color: '#6b7b88', weight: 1, fillColor: '#f4f1ea', fillOpacity: 1 }}
              />
            ) : null}
          </Pane>
          {/* Keyed by language: Leaflet reads a layer's attribution once, when it is added. */}
          <TileLayer key={locale} url={tileUrl} attribution={tileAttribution(translate('repere.tileAttribution'))} />
          {children}
          {picked ? <FitBounds bounds={picked} /> : null}
        </MapContainer>
      </Box>
    </section>
  );
};

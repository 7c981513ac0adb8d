// A Leaflet map on a plain background: tiles are drawn over it when the network allows, and a
// tile that fails to load is left blank (the markers are SVG, so they never depend on tiles).
import 'leaflet/dist/leaflet.css';
import type { LatLngBoundsExpression } from 'leaflet';
import { type ReactNode, useEffect } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { MapContainer, TileLayer, useMap } from 'react-leaflet';
import { franceCentre, tileAttribution, tileUrl } from './tiles.ts';

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

export const BaseMap = ({
  height,
  label,
  children,
  center = franceCentre,
  zoom = 6,
}: {
  height: number | string;
  label: string;
  children?: ReactNode;
  center?: [number, number];
  zoom?: number;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <section aria-label={label} className="repere-map">
      <MapContainer center={center} zoom={zoom} style={{ height, width: '100%', background: '#e8eef1' }}>
        {/* Keyed by language: Leaflet reads a layer's attribution once, when it is added. */}
        <TileLayer key={locale} url={tileUrl} attribution={tileAttribution(translate('repere.tileAttribution'))} />
        {children}
      </MapContainer>
    </section>
  );
};

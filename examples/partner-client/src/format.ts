// The results as text lines. Listings whose exact place the caller may not see come with an
// APPROXIMATE location (and no street): said so, never shown as exact.
import type { HelplinesQuery, StructureByIdQuery, StructureSummaryFragment } from './gql/graphql.ts';

export function describeStructure(s: StructureSummaryFragment, distanceKm?: number | null): string {
  const distance = distanceKm === undefined || distanceKm === null ? '' : `${distanceKm.toFixed(1)} km  `;
  const place = [s.postalCode, s.city].filter(Boolean).join(' ') || `department ${s.departmentCode}`;
  const notes = [
    s.location?.precision === 'APPROXIMATE' ? 'approximate location' : null,
    s.stale ? 'not verified for a year' : null,
  ].filter(Boolean);
  return `  ${distance}${s.name} — ${place} — ${s.phone ?? 'no phone'}${notes.length ? ` (${notes.join(', ')})` : ''}  [${s.id}]`;
}

export function describeStructureDetails(s: NonNullable<StructureByIdQuery['structure']>): string[] {
  const address = s.address
    ? [s.address.street, s.address.postalCode, s.address.city].filter(Boolean).join(', ')
    : null;
  return [
    `${s.name} (${s.kind})`,
    `  address: ${address ?? 'not public'}`,
    `  location: ${s.location ? `${s.location.lat}, ${s.location.lon} (${s.location.precision})` : 'unknown'}`,
    `  phone: ${s.phone ?? '—'}   email: ${s.email ?? '—'}   website: ${s.website ?? '—'}`,
    `  opening hours: ${s.openingHours ?? '—'}`,
    `  services: ${s.services.join(', ')}`,
    ...(s.description ? [`  ${s.description}`] : []),
    ...s.notices.map(
      (n) => `  notice (${n.kind}, from ${n.startsOn}${n.endsOn ? ` to ${n.endsOn}` : ''}): ${n.message}`,
    ),
  ];
}

export function describeHelpline(h: HelplinesQuery['helplines'][number]): string {
  const open = h.openNow === null ? '' : h.openNow ? ' — open now' : ' — closed now';
  const cost = h.free ? 'free' : (h.cost ?? 'not free');
  return `  ${h.number}  ${h.name} (${h.channels.join(', ')}; ${cost})${open}`;
}

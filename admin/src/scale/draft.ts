// The editor's working copy of the scale, and the content it publishes. Ids of new items are
// made from their French text; the server validates everything else.
import type { ScaleBand } from '@repere/shared/enums';
import type { Scale, ScaleContent } from './data.ts';

export interface DraftItem {
  /** Local key (stable while editing); `id` is empty for items not yet published. */
  key: string;
  id: string;
  band: ScaleBand;
  fr: string;
  en: string;
}

export const draftOf = (scale: Scale): DraftItem[] =>
  scale.items.map((i) => ({ key: i.id, id: i.id, band: i.band, fr: i.text.fr, en: i.text.en }));

/** A slug the server accepts (lower-case letters, digits, dashes; 2 to 40). */
function slug(text: string): string {
  const base = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 34)
    .replace(/-+$/, '');
  return base.length >= 2 ? base : 'element';
}

/** Items in the order sent (bands mildest first), with ids for the new ones. */
export function itemsToSend(items: DraftItem[], bands: readonly ScaleBand[]): DraftItem[] {
  const taken = new Set(items.map((i) => i.id).filter(Boolean));
  const ordered = bands.flatMap((b) => items.filter((i) => i.band === b));
  return ordered.map((i) => {
    if (i.id) return i;
    const base = slug(i.fr);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return { ...i, id };
  });
}

export function contentOf(scale: Scale, items: DraftItem[]): ScaleContent {
  return {
    // Bands are not edited here: sent back as published (helplines by id, deleted ones included).
    bands: scale.bands.map((b) => ({
      band: b.band,
      label: b.label,
      advice: b.advice,
      helplines: b.helplineIds,
    })),
    items: items.map((i) => ({ id: i.id, band: i.band, text: { fr: i.fr, en: i.en } })),
  };
}

/** The item and language a refusal's paths name ("content.items.3.text.fr"), as a draft key. */
export function refusedField(paths: string, sent: DraftItem[]): { key: string; lang: 'fr' | 'en' } | null {
  const match = /items\.(\d+)\.text\.(fr|en)/.exec(paths);
  const item = match ? sent[Number(match[1])] : undefined;
  return item ? { key: item.key, lang: match?.[2] as 'fr' | 'en' } : null;
}

export const changed = (scale: Scale, items: DraftItem[]) => JSON.stringify(draftOf(scale)) !== JSON.stringify(items);

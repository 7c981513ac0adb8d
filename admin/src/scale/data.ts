// The self-assessment scale (admins): the current version, and publishing the next one.
// Versions are never edited in place: each publication adds one (the server numbers it).
import type { ScaleBand } from '@repere/shared/enums';
import type { DataProvider } from 'react-admin';
import { gql } from '../graphql.ts';

export interface LocalizedText {
  fr: string;
  en: string;
}

export interface ScaleBandInfo {
  band: ScaleBand;
  label: LocalizedText;
  advice: LocalizedText;
  helplines: { id: string }[];
  helplineIds: string[];
}

export interface ScaleItem {
  id: string;
  band: ScaleBand;
  text: LocalizedText;
}

export interface Scale {
  id: 'current';
  version: number;
  publishedAt: string;
  bands: ScaleBandInfo[];
  items: ScaleItem[];
}

/** What `publishSelfAssessmentScale(content:)` takes (shared/src/assessment.ts). */
export interface ScaleContent {
  bands: { band: ScaleBand; label: LocalizedText; advice: LocalizedText; helplines: string[] }[];
  items: ScaleItem[];
}

const fields = `version publishedAt bands { band label { fr en } advice { fr en } helplines { id } helplineIds }
  items { id band text { fr en } }`;

// react-admin wants an id: there is only ever one current scale.
const withId = (s: Omit<Scale, 'id'>): Scale => ({ ...s, id: 'current' });

export const selfAssessmentScale: Pick<DataProvider, 'getOne'> = {
  async getOne() {
    const data = await gql<{ selfAssessmentScale: Omit<Scale, 'id'> }>(
      `query SelfAssessmentScale { selfAssessmentScale { ${fields} } }`,
    );
    return { data: withId(data.selfAssessmentScale) as never };
  },
};

/** Refused with CONFLICT when another version was published since `expectedVersion`. */
export async function publishScale(content: ScaleContent, expectedVersion: number): Promise<Scale> {
  const data = await gql<{ publishSelfAssessmentScale: Omit<Scale, 'id'> }>(
    `mutation PublishSelfAssessmentScale($content: JSON!, $expectedVersion: Int) {
      publishSelfAssessmentScale(content: $content, expectedVersion: $expectedVersion) { ${fields} } }`,
    { content, expectedVersion },
  );
  return withId(data.publishSelfAssessmentScale);
}

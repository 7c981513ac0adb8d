// The self-assessment scale (admins): the current version, and publishing the next one.
// Versions are never edited in place: each publication adds one (the server numbers it).
import type { ScaleBand } from '@repere/shared/enums';
import type { ScaleFieldsFragment } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { request } from '../graphql.ts';
import type { Handlers } from '../handlers.ts';

export interface LocalizedText {
  fr: string;
  en: string;
}

export type Scale = ScaleFieldsFragment & { id: 'current' };

/** What `publishSelfAssessmentScale(content:)` takes (JSON, validated by shared/src/assessment.ts). */
export interface ScaleContent {
  bands: { band: ScaleBand; label: LocalizedText; advice: LocalizedText; helplines: string[] }[];
  items: { id: string; band: ScaleBand; text: LocalizedText }[];
}

graphql(`
  fragment ScaleFields on SelfAssessmentScale {
    version publishedAt bands { band label { fr en } advice { fr en } helplines { id } helplineIds }
    items { id band text { fr en } }
  }
`);

const scaleQuery = graphql(`query SelfAssessmentScale { selfAssessmentScale { ...ScaleFields } }`);

const publishMutation = graphql(`
  mutation PublishSelfAssessmentScale($content: JSON!, $expectedVersion: Int) {
    publishSelfAssessmentScale(content: $content, expectedVersion: $expectedVersion) { ...ScaleFields }
  }
`);

// react-admin wants an id: there is only ever one current scale.
const withId = (s: ScaleFieldsFragment): Scale => ({ ...s, id: 'current' });

export const selfAssessmentScale: Pick<Handlers, 'getOne'> = {
  async getOne() {
    return { data: withId((await request(scaleQuery)).selfAssessmentScale) };
  },
};

/** Refused with CONFLICT when another version was published since `expectedVersion`. */
export async function publishScale(content: ScaleContent, expectedVersion: number): Promise<Scale> {
  const data = await request(publishMutation, { content, expectedVersion });
  return withId(data.publishSelfAssessmentScale);
}

// Text input: no NUL or other control character anywhere (line breaks and tabs only in
// multi-line free text), refused as BAD_USER_INPUT naming the argument, never echoing the
// value; websites only http(s).
import { beforeAll, describe, expect, it } from 'vitest';
import { testPassword } from '../support/accounts.ts';
import { type TestApi, testApi } from '../support/api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});

type Result = Awaited<ReturnType<TestApi['gql']>>;
const code = (res: Result) => res.errors?.[0]?.extensions?.code;
const message = (res: Result) => res.errors?.[0]?.message ?? '';

const register = `mutation ($input: ProfessionalRegistrationInput!) { registerProfessional(input: $input) { status } }`;
const registration = (extra: Record<string, unknown>) => ({
  input: {
    email: 'texte@essai.fr',
    password: testPassword,
    name: 'Camille Essai',
    organisation: 'Service d’essai',
    jobTitle: 'Éducatrice',
    justification: 'Numéro ADELI.',
    ...extra,
  },
});
const submit = `mutation ($input: StructureSubmissionInput!) { submitStructure(input: $input) { submission { status } } }`;
const proposal = (extra: Record<string, unknown>) => ({
  input: {
    name: 'Point Texte Essai',
    kind: 'ASSOCIATION',
    services: ['LISTENING_SUPPORT'],
    address: { street: '3 place des Essais', postalCode: '80000', city: 'Amiens' },
    location: { lat: 49.8952, lon: 2.3011 },
    ...extra,
  },
});

describe('control characters', () => {
  it('a NUL byte in a registration is BAD_USER_INPUT naming the field, without its value', async () => {
    const res = await api.gql(register, registration({ organisation: 'Secret\u0000Orga' }));
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(message(res)).toBe('$input.organisation contains a forbidden character (U+0000).');
    expect(JSON.stringify(res)).not.toMatch(/Secret/);
  });

  it('also in a literal of the document, and in a referral message', async () => {
    const literal = await api.gql(
      `mutation { registerProfessional(input: { email: "x@essai.fr", password: "${testPassword}", name: "A\\u0000B",
        organisation: "O", jobTitle: "J", justification: "J" }) { status } }`,
    );
    expect(code(literal)).toBe('BAD_USER_INPUT');
    expect(message(literal)).toMatch(/^registerProfessional\(input\)\.name contains a forbidden character \(U\+0000\)/);
    const referral = await api.gql(
      'mutation ($to: ID!, $m: String!) { sendReferral(toStructureId: $to, message: $m, urgency: SOON) { referral { id } } }',
      { to: 'U3RydWN0dXJlOng', m: 'Bonjour\u0000' },
    );
    expect(code(referral)).toBe('BAD_USER_INPUT');
    expect(message(referral)).toMatch(/^\$m contains/);
  });

  it.each([
    ['BEL', '\u0007'],
    ['ESC', '\u001b'],
    ['DEL', '\u007f'],
    ['a C1 control', '\u0085'],
    ['a lone surrogate', '\ud800'],
  ])('%s in a search is refused', async (_name, character) => {
    const res = await api.gql('query ($s: String) { structures(filter: { search: $s }) { totalCount } }', {
      s: `abc${character}`,
    });
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(message(res)).toMatch(/^\$s contains a forbidden character/);
  });

  it('line breaks: refused in a name, kept in a comment (multi-line free text)', async () => {
    const name = await api.gql(submit, proposal({ name: 'Point\nTexte' }));
    expect(code(name)).toBe('BAD_USER_INPUT');
    expect(message(name)).toMatch(/^\$input\.name contains a forbidden character \(U\+000A\)/);
    const comment = await api.gql(submit, proposal({ comment: 'Ligne 1\r\nLigne 2\tfin' }));
    expect(comment.errors).toBeUndefined();
    expect(comment.data.submitStructure.submission.status).toBe('PENDING');
  });

  it('deeply nested variables are walked without a stack overflow', async () => {
    const deep = `${'['.repeat(50_000)}"x"${']'.repeat(50_000)}`;
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query":"query ($s: String) { structures(filter: { search: $s }) { totalCount } }","variables":{"s":${deep}}}`,
    });
    expect(res.status).toBeLessThan(500);
  });
});

describe('website', () => {
  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['ftp:', 'ftp://example.org/'],
    ['no domain', 'http://localhost/'],
  ])('%s is refused', async (_name, website) => {
    const res = await api.gql(submit, proposal({ website }));
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(message(res)).toMatch(/website must be an http:\/\/ or https:\/\/ address/);
  });

  it('http and https are stored', async () => {
    for (const website of ['https://www.example.org/accueil?x=1', 'http://example.fr']) {
      expect((await api.gql(submit, proposal({ website }))).errors).toBeUndefined();
    }
  });
});

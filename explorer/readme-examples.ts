// The README's "Example queries" (curl commands), read at build time into the explorer's tabs,
// so the page and the README never disagree.
import { Kind, type OperationDefinitionNode, parse, print } from 'graphql';

export interface Example {
  title: string;
  query: string;
}

/** An operation name from a title: "The nearest help around Amiens, with…" → NearestHelpAroundAmiens. */
function operationName(title: string): string {
  const head = title.split(/[,:(]/)[0]!;
  const words = head
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((word, i) => word && !(i === 0 && /^the$/i.test(word)));
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/** The GraphQL text of one curl command: `query=…` (GET) or the JSON body's `query` (POST). */
function queryOf(command: string): string {
  const get = /'query=([^']*)'/.exec(command);
  if (get) return get[1]!;
  const post = /-d '([^']*)'/.exec(command);
  if (post) return (JSON.parse(post[1]!) as { query: string }).query;
  throw new Error(`README example without a query: ${command}`);
}

export function readmeExamples(readme: string): Example[] {
  const section = /^## Example queries\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1];
  const block = section && /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README.md has no "## Example queries" section with a ```sh block');
  return block
    .split(/\n\s*\n/)
    .filter((chunk) => chunk.includes('curl'))
    .map((chunk) => {
      const lines = chunk.trim().split('\n');
      const title = lines
        .filter((l) => l.startsWith('#'))
        .map((l) => l.replace(/^#\s*/, ''))
        .join(' ');
      const command = lines.filter((l) => !l.startsWith('#')).join('\n');
      const document = parse(queryOf(command));
      const [operation] = document.definitions;
      if (document.definitions.length !== 1 || operation?.kind !== 'OperationDefinition' || operation.name) {
        throw new Error(`README example "${title}" is not one anonymous operation`);
      }
      const named: OperationDefinitionNode = { ...operation, name: { kind: Kind.NAME, value: operationName(title) } };
      return { title, query: `# ${title}\n${print({ ...document, definitions: [named] })}\n` };
    });
}

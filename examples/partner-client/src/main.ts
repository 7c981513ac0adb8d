// The example client's command line: one of the four operations, printed as text (or --json).
//   node --import tsx src/main.ts --lat 49.89 --lon 2.30 [--radius 20] [--first 5]
//   node --import tsx src/main.ts --department 80 [--search hébergement] [--first 20]
//   node --import tsx src/main.ts --id <structure id>
//   node --import tsx src/main.ts --helplines
// REPERE_API_URL (default http://localhost:4000/graphql) and REPERE_API_KEY (optional) from the environment.
import { parseArgs } from 'node:util';
import { ApiError, createClient } from './client.ts';
import { describeHelpline, describeStructure, describeStructureDetails } from './format.ts';
import type { DepartmentStructuresQuery, StructureSummaryFragment } from './gql/graphql.ts';
import { departmentStructures, helplines, nearestHelp, structureById } from './operations.ts';

const usage = `Usage:
  main.ts --lat <lat> --lon <lon> [--radius <km>] [--first <n>]   the nearest help to a point
  main.ts --department <code> [--search <text>] [--first <n>]     a department's structures
  main.ts --id <structure id>                                      one structure
  main.ts --helplines                                              the national helplines
Add --json for the API's answer as JSON. Environment: REPERE_API_URL, REPERE_API_KEY (optional).`;

const { values } = parseArgs({
  options: {
    lat: { type: 'string' },
    lon: { type: 'string' },
    radius: { type: 'string' },
    first: { type: 'string' },
    department: { type: 'string' },
    search: { type: 'string' },
    id: { type: 'string' },
    helplines: { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean' },
  },
});

const request = createClient({
  url: process.env.REPERE_API_URL ?? 'http://localhost:4000/graphql',
  apiKey: process.env.REPERE_API_KEY || undefined,
});

function number(name: string, text: string | undefined, fallback?: number): number {
  if (text === undefined && fallback !== undefined) return fallback;
  const value = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(value))
    throw new UsageError(`--${name} wants a number`);
  return value;
}

class UsageError extends Error {}

/** What to print for the options given: text lines, or the data for --json. */
async function answer(): Promise<{ data: unknown; lines: string[] }> {
  if (values.lat !== undefined || values.lon !== undefined) {
    const near = { lat: number('lat', values.lat), lon: number('lon', values.lon) };
    const radiusKm = values.radius === undefined ? null : number('radius', values.radius);
    const data = await request(nearestHelp, { near, radiusKm, first: number('first', values.first, 5) });
    const { totalCount, edges } = data.structures;
    return {
      data,
      lines: [
        `${totalCount} structures${radiusKm === null ? '' : ` within ${radiusKm} km`}, nearest first:`,
        ...edges.map((e) => describeStructure(e.node, e.distanceKm)),
      ],
    };
  }
  if (values.department !== undefined) {
    const wanted = number('first', values.first, 20);
    const nodes: StructureSummaryFragment[] = [];
    let after: string | null = null;
    let total = 0;
    // Page by page (at most 50 a page) through the connection's cursors, up to --first.
    do {
      const page: DepartmentStructuresQuery['structures'] = await fetchPage(Math.min(50, wanted - nodes.length), after);
      nodes.push(...page.edges.map((e) => e.node));
      total = page.totalCount;
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after && nodes.length < wanted);
    const search = values.search ? ` matching “${values.search}”` : '';
    return {
      data: { totalCount: total, structures: nodes },
      lines: [
        `${total} structures in department ${values.department}${search}:`,
        ...nodes.map((n) => describeStructure(n)),
      ],
    };
  }
  if (values.id !== undefined) {
    const data = await request(structureById, { id: values.id });
    return { data, lines: data.structure ? describeStructureDetails(data.structure) : [`No structure ${values.id}.`] };
  }
  if (values.helplines) {
    const data = await request(helplines);
    return { data, lines: [`${data.helplines.length} helplines:`, ...data.helplines.map(describeHelpline)] };
  }
  throw new UsageError('Say what to look for.');
}

async function fetchPage(first: number, after: string | null) {
  const department = values.department ?? '';
  const data = await request(departmentStructures, { departmentCode: department, search: values.search, first, after });
  return data.structures;
}

try {
  if (values.help) {
    console.log(usage);
  } else {
    const { data, lines } = await answer();
    console.log(values.json ? JSON.stringify(data, null, 2) : lines.join('\n'));
  }
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${usage}`);
    process.exitCode = 2;
  } else if (error instanceof ApiError) {
    console.error(`The API refused: ${error.code}: ${error.message}`);
    process.exitCode = 1;
  } else {
    console.error(`Could not reach the API: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

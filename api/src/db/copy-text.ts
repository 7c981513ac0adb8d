// PostgreSQL's COPY text format, read: fields split by tabs, `\N` for null, backslash escapes.
const escapes: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

export function parseCopyLine(line: string): (string | null)[] {
  return line.split('\t').map((field) => {
    if (field === '\\N') return null;
    if (!field.includes('\\')) return field;
    let out = '';
    for (let i = 0; i < field.length; i++) {
      const c = field[i] as string;
      if (c !== '\\' || i === field.length - 1) {
        out += c;
        continue;
      }
      const next = field[++i] as string;
      const octal = /^[0-7]{1,3}/.exec(field.slice(i));
      const hex = next === 'x' ? /^[0-9a-fA-F]{1,2}/.exec(field.slice(i + 1)) : null;
      if (octal) {
        out += String.fromCharCode(Number.parseInt(octal[0], 8));
        i += octal[0].length - 1;
      } else if (hex) {
        out += String.fromCharCode(Number.parseInt(hex[0], 16));
        i += hex[0].length;
      } else out += escapes[next] ?? next;
    }
    return out;
  });
}

import { envName, OPTIONS } from './options.ts';

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The flag table of README.md, as Markdown, generated from the option table. */
export function renderFlagTable(): string {
  const rows = OPTIONS.map(
    (o) =>
      `| \`--${o.flag}${o.arg ? ` ${cell(o.arg)}` : ''}\` | \`${envName(o)}\` | ${o.defaultText ? `\`${o.defaultText}\`` : ''} | ${cell(o.description)} |`,
  );
  return ['| Flag | Environment | Default | Meaning |', '|---|---|---|---|', ...rows].join('\n');
}
